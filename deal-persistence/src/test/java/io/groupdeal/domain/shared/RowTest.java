package io.groupdeal.domain.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Row} reads a column by its label and converts what the MariaDB driver answers, whichever Java type it chose. */
class RowTest {

    /** A row of a result set holding {@code columns} by label; any other label is refused as the driver refuses it. */
    private static Row row(Map<String, Object> columns) {
        ResultSet result = (ResultSet) Proxy.newProxyInstance(
                RowTest.class.getClassLoader(), new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getObject") && args.length == 1 && args[0] instanceof String label) {
                        if (!columns.containsKey(label)) {
                            throw new SQLException("Unknown label '" + label + "'");
                        }
                        return columns.get(label);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new Row(result);
    }

    private static Map<String, Object> columns(Object... labelsAndValues) {
        Map<String, Object> columns = new HashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            columns.put((String) labelsAndValues[i], labelsAndValues[i + 1]);
        }
        return columns;
    }

    @Test
    void numbersComeFromWhicheverNumberTheDriverAnswers() {
        Row r = row(columns("n", 7L, "sum", new BigDecimal("12"), "big", BigInteger.TEN, "text", "5", "none", null));
        assertEquals(7, r.longValue("n"));
        assertEquals(12, r.intValue("sum"));
        assertEquals(10, r.longValue("big"));
        assertEquals(5, r.intValue("text"));
        assertEquals(12.0, r.doubleValue("sum"));
        assertNull(r.nullableInt("none"));
        assertNull(r.nullableLong("none"));
        assertEquals(Integer.valueOf(7), r.nullableInt("n"));
    }

    @Test
    void aCountOrSumOfNothingIsZeroButAValueThatMustBeThereIsNot() {
        Row r = row(columns("none", null));
        assertEquals(0, r.count("none"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.longValue("none"));
        assertTrue(e.getMessage().contains("none"), e.getMessage());
    }

    @Test
    void flagsAreBooleansOrZeroAndOne() {
        Row r = row(columns("bool", Boolean.TRUE, "one", 1L, "zero", 0, "none", null));
        assertTrue(r.flag("bool"));
        assertTrue(r.flag("one"));
        assertFalse(r.flag("zero"));
        assertFalse(r.flag("none"));
    }

    @Test
    void datetimesAreUtcWhetherLocalOrTimestamp() {
        Instant at = Instant.parse("2026-03-01T08:15:30.123456Z");
        LocalDateTime local = LocalDateTime.parse("2026-03-01T08:15:30.123456");
        Row r = row(columns("local", local, "stamp", Timestamp.valueOf(local), "none", null));
        assertEquals(at, r.instant("local"));
        assertEquals(at, r.instant("stamp"));
        assertNull(r.instant("none"));
    }

    @Test
    void decimalsKeepTheirDigits() {
        Row r = row(columns("price", new BigDecimal("19.900"), "double", 0.1d, "none", null));
        assertEquals(new BigDecimal("19.900"), r.decimal("price"));
        assertEquals(new BigDecimal("0.1"), r.decimal("double"));
        assertNull(r.decimal("none"));
    }

    @Test
    void textAndBytesAsStored() {
        Row r = row(columns("title", "小笼包", "bytes", new byte[] {1, 2}, "none", null));
        assertEquals("小笼包", r.string("title"));
        assertArrayEquals(new byte[] {1, 2}, r.bytes("bytes"));
        assertNull(r.string("none"));
    }

    @Test
    void aLabelTheStatementDoesNotHaveFailsNamingIt() {
        Row r = row(columns("id", "x"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.string("title"));
        assertTrue(e.getMessage().contains("title"), e.getMessage());
    }
}
