package io.groupdeal.bench.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benches' JDBC side: the product's database (user deal) over the MySQL driver, and short query helpers. */
public final class Db {

    private Db() {}

    /** The JDBC URL of the product's database on {@code port} (UTC, no TLS over loopback). */
    public static String url(int port) {
        return "jdbc:mysql://127.0.0.1:" + port + "/deal?sslMode=DISABLED&connectionTimeZone=UTC";
    }

    public static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection(url(port), "deal", "deal");
    }

    /** As {@link #connect(int)}, with more of the driver's settings ("&name=value..."). */
    public static Connection connect(int port, String settings) throws SQLException {
        return DriverManager.getConnection(url(port) + settings, "deal", "deal");
    }

    /** Binds the parameters by position, those of nested arrays (an IN list, a range) in their place. */
    public static void bind(PreparedStatement p, Object... parameters) throws SQLException {
        Object[] values = flat(parameters);
        for (int i = 0; i < values.length; i++) {
            p.setObject(i + 1, values[i]);
        }
    }

    /** The parameters with those of nested arrays in their place. */
    public static Object[] flat(Object... parameters) {
        List<Object> out = new ArrayList<>();
        for (Object p : parameters) {
            if (p instanceof Object[] nested) {
                out.addAll(java.util.Arrays.asList(flat(nested)));
            } else {
                out.add(p);
            }
        }
        return out.toArray();
    }

    public static List<Object[]> rows(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            bind(p, parameters);
            try (ResultSet r = p.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = r.getObject(c + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** The first row the query gives, or null when it gives none. */
    public static Object[] one(Connection db, String sql, Object... parameters) throws SQLException {
        List<Object[]> rows = rows(db, sql, parameters);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The first column of the first row, a number; an exception when there is no row. */
    public static long count(Connection db, String sql, Object... parameters) throws SQLException {
        Object[] row = one(db, sql, parameters);
        if (row == null) {
            throw new IllegalStateException("no row: " + sql);
        }
        return ((Number) row[0]).longValue();
    }

    public static int update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            bind(p, parameters);
            return p.executeUpdate();
        }
    }

    /** Rows as maps by column label (an EXPLAIN), printed as an aligned table when {@code print}. */
    public static List<Map<String, String>> query(Connection db, String sql, boolean print, Object... parameters)
            throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(sql)) {
            bind(p, parameters);
            try (ResultSet r = p.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    names.add(meta.getColumnLabel(c));
                }
                while (r.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int c = 1; c <= names.size(); c++) {
                        row.put(names.get(c - 1), r.getString(c));
                    }
                    rows.add(row);
                }
            }
        }
        if (print) {
            int[] width = new int[names.size()];
            for (int c = 0; c < names.size(); c++) {
                width[c] = names.get(c).length();
                for (Map<String, String> row : rows) {
                    width[c] = Math.max(
                            width[c], String.valueOf(row.get(names.get(c))).length());
                }
            }
            System.out.println(line(names, width));
            for (Map<String, String> row : rows) {
                System.out.println(line(names.stream().map(row::get).toList(), width));
            }
        }
        return rows;
    }

    private static String line(List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(String.format(Locale.ROOT, "%-" + width[c] + "s ", cells.get(c)));
        }
        return line.toString().stripTrailing();
    }

    /** MariaDB's global status counters of those names (SHOW GLOBAL STATUS), in their order; 0 for one it lacks. */
    public static long[] status(Connection db, List<String> names) throws SQLException {
        long[] v = new long[names.size()];
        for (Object[] row : rows(
                db,
                "SHOW GLOBAL STATUS WHERE Variable_name IN ("
                        + String.join(
                                ",", names.stream().map(n -> "'" + n + "'").toList()) + ")")) {
            int i = names.indexOf(String.valueOf(row[0]));
            if (i >= 0) {
                v[i] = Long.parseLong(String.valueOf(row[1]));
            }
        }
        return v;
    }
}
