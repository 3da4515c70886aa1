package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/BAD_INPUT.md names every bad-input test: each fixture file and each BadInputIT case. No server. */
class BadInputListTest {

    @Test
    void theListInDocsNamesEveryCase() throws Exception {
        String doc = Files.readString(Fixtures.repositoryRoot().resolve("docs/BAD_INPUT.md"));
        List<String> fixtures = Stream.of("scenarios/invalid", "scenarios/malformed", "testcases/invalid",
                        "actions/invalid", "links/invalid")
                .flatMap(d -> Fixtures.files("spec/" + d).stream().map(f -> d + "/" + f.getFileName())).toList();
        List<String> environment = BadInputIT.cases().map(BadInputIT.Case::name).toList();
        assertThat(fixtures).allSatisfy(f -> assertThat(doc).as("docs/BAD_INPUT.md").contains("`" + f + "`"));
        assertThat(environment).allSatisfy(c -> assertThat(doc).as("docs/BAD_INPUT.md").contains("| " + c + " |"));
        assertThat(fixtures.size() + environment.size()).as("bad inputs, each a test").isGreaterThanOrEqualTo(40);
        for (Path file : Fixtures.files("spec/scenarios/invalid")) {
            String expect = Fixtures.expectation(file);
            assertThat(doc).as("the message of " + file.getFileName()).contains(expect);
        }
    }
}
