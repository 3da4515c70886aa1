package io.cdctest.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
    @Test
    void commandsNameLettersAndUnderscoresOnlySoShellVariablesWithDigitsPassThrough() {
        assertThat(Template.COMMAND.placeholders("run {db} {source_db} ${var1} {x2}")).containsExactly("db", "source_db");
        assertThat(Template.HOOK.placeholders("run {db} {source_db} ${var1} {x2}"))
                .containsExactly("db", "source_db", "var1", "x2");
        assertThat(Template.HOOK.placeholders(null)).isEmpty();
    }

    @Test
    void expandReplacesEachPlaceholderLiterally() {
        Map<String, String> values = Map.of("db", "a$1\\b", "topic", "t");
        assertThat(Template.COMMAND.expand("x {db} {topic} {db}", values::get)).isEqualTo("x a$1\\b t a$1\\b");
        assertThat(Template.HOOK.expand("no placeholders", values::get)).isEqualTo("no placeholders");
    }

    @Test
    void onlyNamesATextThatIsExactlyOnePlaceholder() {
        assertThat(Template.HOOK.only("{job_id}")).contains("job_id");
        assertThat(Template.HOOK.only("id {job_id}")).isEmpty();
    }
}
