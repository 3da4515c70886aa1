package io.cdctest.pipeline.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdctest.CdctestException;
import io.cdctest.spec.FieldPath;
import org.junit.jupiter.api.Test;

/** Hook templates and answers: placeholders, typed JSON bodies, captured values, secrets masked. */
class TemplatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Templates values() {
        Templates t = new Templates(false);
        t.put("source_db", "shop_x1y2z3");
        t.put("topic", "cdc_topic_x1y2z3");
        t.putSecret("source_password", "pa$$'word");
        return t;
    }

    @Test
    void placeholdersAreReplacedAsTheyAreAndOtherBracesStay() {
        assertThat(values().expand("--db={source_db} --filter ^({source_db})\\..*$ x{2} {\"k\": 1}"))
                .isEqualTo("--db=shop_x1y2z3 --filter ^(shop_x1y2z3)\\..*$ x{2} {\"k\": 1}");
    }

    @Test
    void aLonePlaceholderInAJsonBodyKeepsTheCapturedType() throws Exception {
        Templates t = values();
        t.capture("job_id", JSON.readTree("12345"));
        t.capture("job", JSON.readTree("{\"id\": 1, \"tags\": [\"a\"]}"));
        String body = t.expand(JSON.readTree("{\"id\": \"{job_id}\", \"name\": \"job-{job_id}\", \"job\": \"{job}\", "
                + "\"dbs\": [\"{source_db}\"], \"n\": 5, \"pw\": \"{source_password}\"}")).toString();
        assertThat(body).isEqualTo("{\"id\":12345,\"name\":\"job-12345\",\"job\":{\"id\":1,\"tags\":[\"a\"]},"
                + "\"dbs\":[\"shop_x1y2z3\"],\"n\":5,\"pw\":\"pa$$'word\"}");
    }

    @Test
    void secretsAreMaskedInAnythingShown() {
        Templates t = values();
        assertThat(t.mask("login failed for pa$$'word at 127.0.0.1")).isEqualTo("login failed for ****** at 127.0.0.1");
    }

    @Test
    void aValueNotCapturedYetFailsSayingSoExceptForThePlan() {
        assertThatThrownBy(() -> values().expand("/api/cdc/job/detail?id={job_id}")).isInstanceOf(CdctestException.class)
                .hasMessageContaining("no value for {job_id} yet");
        Templates plan = new Templates(true);
        assertThat(plan.expand("/api/cdc/job/detail?id={job_id}")).isEqualTo("/api/cdc/job/detail?id={job_id}");
    }

    @Test
    void answersAreReadByPointerOrJsonPathAndTextByItsLastLine() {
        Answer json = Answer.of("{\"code\": 0, \"data\": {\"job_status\": \"running\", \"jobs\": [{\"id\": 7}]}}");
        assertThat(json.text(FieldPath.parse("/data/job_status"))).contains("running");
        assertThat(json.text(FieldPath.parse("$.data.jobs[0].id"))).contains("7");
        assertThat(json.text(FieldPath.parse("$['data']['job_status']"))).contains("running");
        assertThat(json.text(FieldPath.parse("/data/message"))).isEmpty();
        Answer text = Answer.of("checking the worker...\nRUNNING\n\n");
        assertThat(text.text(FieldPath.WHOLE)).contains("RUNNING");
        assertThat(text.text(FieldPath.parse("/state"))).isEmpty();
        assertThat(Answer.of("{not json").text(FieldPath.WHOLE)).contains("{not json");
    }
}
