package io.groupdeal.domain.shared;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The current row of a {@link NativeSql} read, read by column label (the column's name, or its {@code AS} alias), never
 * by position: a statement's columns can be reordered or added without touching its mapper. Each conversion the
 * driver's values need (a count that may come back as {@code Long} or {@code BigDecimal}, a {@code DATETIME} that is
 * UTC) is written here once. A label the statement does not have fails at once, naming it.
 */
public final class Row {

    private final ResultSet result;

    Row(ResultSet result) {
        this.result = result;
    }

    private Object value(String label) {
        try {
            return result.getObject(label);
        } catch (SQLException e) {
            throw new IllegalStateException("no column " + label + " in the row: " + e.getMessage(), e);
        }
    }

    public String string(String label) {
        Object value = value(label);
        return value == null ? null : value.toString();
    }

    /** A number that is never null (a key, a quantity, a count). */
    public long longValue(String label) {
        return number(label, value(label)).longValue();
    }

    /** A count or a sum, where no row to count or sum (SQL's null) is 0. */
    public long count(String label) {
        Object value = value(label);
        return value == null ? 0 : number(label, value).longValue();
    }

    /** A number that may be null (no row to take the minimum of). */
    public Long nullableLong(String label) {
        Object value = value(label);
        return value == null ? null : number(label, value).longValue();
    }

    /** A number that is never null. */
    public int intValue(String label) {
        return number(label, value(label)).intValue();
    }

    /** A number that may be null (no limit, not set). */
    public Integer nullableInt(String label) {
        Object value = value(label);
        return value == null ? null : number(label, value).intValue();
    }

    /** A number that is never null. */
    public double doubleValue(String label) {
        return number(label, value(label)).doubleValue();
    }

    /** An amount of money or a rate, exactly as stored; null when the column is. */
    public BigDecimal decimal(String label) {
        Object value = value(label);
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    /** A {@code BOOLEAN}/{@code TINYINT(1)} or an expression that is 0 or 1; null is false. */
    public boolean flag(String label) {
        Object value = value(label);
        return value instanceof Boolean b
                ? b
                : value != null && number(label, value).intValue() != 0;
    }

    /** A {@code DATETIME} column, which holds UTC; null when the column is. */
    public Instant instant(String label) {
        return utc(value(label));
    }

    public byte[] bytes(String label) {
        return (byte[]) value(label);
    }

    private static Number number(String label, Object value) {
        if (value == null) {
            throw new IllegalStateException("column " + label + " is null");
        }
        return value instanceof Number n ? n : new BigDecimal(value.toString());
    }

    /** Converts a {@code DATETIME} value read from the driver (UTC by the schema's rule) to an instant. */
    static Instant utc(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time value " + value.getClass());
    }
}
