package io.cdctest.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {

    @ParameterizedTest(name = "{0} on {2}: {1} = {3}")
    @CsvSource(delimiter = '|', value = {
        "decimal | 1.50 | DECIMAL | 1.5",
        "decimal | -0.00 | DECIMAL | 0",
        "bigint unsigned | 18446744073709551615 | INTEGER | 18446744073709551615",
        "datetime(6) | 2024-01-02 03:04:05.120000 | TEMPORAL | 2024-01-02 03:04:05.12",
        "datetime | 2024-01-02 03:04:05.000000 | TEMPORAL | 2024-01-02 03:04:05",
        "timestamp iso | 2024-01-02T03:04:05 | TEMPORAL | 2024-01-02 03:04:05",
        "matrixone bool | true | BOOLEAN | 1",
        "tinyint(1) | 0 | BOOLEAN | 0",
        "char padding | 'ab  ' | CHAR | ab",
        "vector | '[1, 2.5, 3]' | VECTOR | 1,2.5,3",
    })
    void canonicalForms(String what, String input, ValueKind kind, String expected) {
        assertThat(Values.canonical(input, kind)).isEqualTo(expected);
    }

    @Test
    void jsonIsComparedByMeaning() {
        String a = Values.canonical("{\"b\": [1, 2.0], \"a\": {\"y\": null, \"x\": \"😀\"}}", ValueKind.JSON);
        String b = Values.canonical("{\"a\":{\"x\":\"😀\",\"y\":null},\"b\":[1,2]}", ValueKind.JSON);
        assertThat(a).isEqualTo(b);
        assertThat(Values.canonical("{\"a\": 1}", ValueKind.JSON)).isNotEqualTo(Values.canonical("{\"a\": \"1\"}", ValueKind.JSON));
    }

    @Test
    void floatingPointUsesRelativeTolerance() {
        assertThat(Values.equal("3.14159", "3.1415901", ValueKind.FLOAT)).isTrue();
        assertThat(Values.equal("3.14159", "3.1416", ValueKind.FLOAT)).isFalse();
        // MariaDB's six-digit text of a FLOAT (what Flink CDC's snapshot reads) against the stored float
        assertThat(Values.equal("23598.359375", "23598.400390625", ValueKind.FLOAT)).isTrue();
        assertThat(Values.equal("23598.359375", "23598.5", ValueKind.FLOAT)).isFalse();
        assertThat(Values.equal("0", "0.0", ValueKind.FLOAT)).isTrue();
        assertThat(Values.equal("-1.5e38", "-1.5e38", ValueKind.FLOAT)).isTrue();
        assertThat(Values.equal("1.7976931348623157E308", "1.7976931348623157e+308", ValueKind.DOUBLE)).isTrue();
        assertThat(Values.equal("0.1", "0.1000001", ValueKind.DOUBLE)).isFalse();
        assertThat(Values.equal("[1,2]", "[1, 2]", ValueKind.VECTOR)).isFalse();
        assertThat(Values.equal(Values.canonical("[1,2]", ValueKind.VECTOR), Values.canonical("[1, 2.0000001]", ValueKind.VECTOR),
                ValueKind.VECTOR)).isTrue();
    }

    @Test
    void nullEqualsOnlyNull() {
        assertThat(Values.equal(null, null, ValueKind.TEXT)).isTrue();
        assertThat(Values.equal(null, "", ValueKind.TEXT)).isFalse();
        assertThat(Values.equal("", null, ValueKind.TEXT)).isFalse();
        assertThat(Values.equal("NULL", null, ValueKind.TEXT)).isFalse();
    }

    @Test
    void kindsFollowTheDeclaredTypes() {
        assertThat(ValueKind.of("tinyint", "tinyint(1)")).isEqualTo(ValueKind.BOOLEAN);
        assertThat(ValueKind.of("tinyint", "tinyint(4)")).isEqualTo(ValueKind.INTEGER);
        assertThat(ValueKind.of("INT UNSIGNED", null)).isEqualTo(ValueKind.INTEGER);
        assertThat(ValueKind.of("bit", "bit(8)")).isEqualTo(ValueKind.BIT);
        assertThat(ValueKind.of("vecf32", "vecf32(3)")).isEqualTo(ValueKind.VECTOR);
        assertThat(ValueKind.of("longtext", "longtext")).isEqualTo(ValueKind.TEXT);
        assertThat(ValueKind.reconcile(ValueKind.TEXT, ValueKind.JSON)).isEqualTo(ValueKind.JSON);
        assertThat(ValueKind.reconcile(ValueKind.INTEGER, ValueKind.BOOLEAN)).isEqualTo(ValueKind.BOOLEAN);
    }

    @Test
    void keysOrderAsTheDatabasesSortThem() {
        assertThat(KeySql.compare("9", "10", ValueKind.INTEGER)).isNegative();
        assertThat(KeySql.compare("Beta", "alpha", ValueKind.TEXT)).isNegative();
        assertThat(KeySql.compare("z😀", "中文", ValueKind.TEXT)).isNegative();
        assertThat(KeySql.compare(null, "a", ValueKind.TEXT)).isNegative();
        assertThat(KeySql.compare("-10", "-9", ValueKind.INTEGER)).isNegative();
        assertThat(KeySql.compare("-1", "0", ValueKind.INTEGER)).isNegative();
        assertThat(KeySql.compare("18446744073709551615", "9223372036854775808", ValueKind.INTEGER)).isPositive();
        assertThat(KeySql.compare("1.5", "10", ValueKind.DECIMAL)).isNegative();
        assertThat(Values.plainInteger("0")).isTrue();
        assertThat(Values.plainInteger("-0")).isFalse();
        assertThat(Values.plainInteger("007")).isFalse();
        assertThat(Values.plainInteger("-")).isFalse();
        assertThat(Values.plainInteger("")).isFalse();
    }

    @Test
    void keysPrintReadably() {
        assertThat(new RowKey(java.util.List.of("id"), java.util.List.of("5"))).hasToString("id=5");
        assertThat(new RowKey(java.util.List.of("pk1", "pk2"), java.util.List.of("1", "it's")))
                .hasToString("(pk1=1, pk2='it\\'s')");
    }
}
