package io.zagg.jmh;

import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A shard's columns loaded into an in-process, in-memory DuckDB database as table
 * {@code t(cell INTEGER, h FLOAT)}, with the per-cell statistics query prepared. Loading goes
 * through DuckDB's appender and happens once; only the queries are meant to be measured.
 */
final class DuckDbShard implements AutoCloseable {

    /** The statistics zagg's scalar config computes, in DuckDB's words. */
    static final String PER_CELL_STATISTICS =
            "SELECT cell, count(*), min(h), max(h), avg(h), var_pop(h) FROM t GROUP BY cell";

    /** The same aggregation folded to one row inside DuckDB, so no per-cell row crosses JDBC. */
    private static final String PER_CELL_STATISTICS_FOLDED =
            "SELECT count(*), sum(n), sum(lo), sum(hi), sum(mean), sum(var) FROM ("
                    + "SELECT cell, count(*) AS n, min(h) AS lo, max(h) AS hi, avg(h) AS mean, var_pop(h) AS var"
                    + " FROM t GROUP BY cell)";

    /** Receives one result row of {@link #PER_CELL_STATISTICS}. */
    @FunctionalInterface
    interface CellRow {
        void accept(int cell, long count, float min, float max, double mean, double variance);
    }

    private final DuckDBConnection connection;
    private final PreparedStatement perCell;
    private final PreparedStatement folded;

    private DuckDbShard(DuckDBConnection connection) throws SQLException {
        this.connection = connection;
        this.perCell = connection.prepareStatement(PER_CELL_STATISTICS);
        this.folded = connection.prepareStatement(PER_CELL_STATISTICS_FOLDED);
    }

    /**
     * Opens a fresh in-memory database limited to {@code threads} worker threads and appends the
     * columns to it. DuckDB keeps its own copy; the caller may drop the arrays afterwards.
     */
    static DuckDbShard load(ShardColumns columns, int threads) throws SQLException {
        if (threads < 1) {
            throw new IllegalArgumentException("DuckDB threads " + threads + " must be at least 1");
        }
        DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET threads = " + threads);
                statement.execute("CREATE TABLE t (cell INTEGER, h FLOAT)");
            }
            int[] cell = columns.cell();
            float[] h = columns.h();
            try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "t")) {
                for (int i = 0; i < h.length; i++) {
                    appender.beginRow().append(cell[i]).append(h[i]).endRow();
                }
            }
            return new DuckDbShard(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Runs {@link #PER_CELL_STATISTICS} and hands every result row to {@code sink}. */
    void perCellStatistics(CellRow sink) throws SQLException {
        try (ResultSet rs = perCell.executeQuery()) {
            while (rs.next()) {
                sink.accept(rs.getInt(1), rs.getLong(2), rs.getFloat(3), rs.getFloat(4), rs.getDouble(5), rs.getDouble(6));
            }
        }
    }

    /** Runs the same aggregation but returns only the sum of its columns over all cells. */
    double perCellStatisticsFolded() throws SQLException {
        try (ResultSet rs = folded.executeQuery()) {
            rs.next();
            return rs.getLong(1) + rs.getLong(2) + rs.getDouble(3) + rs.getDouble(4) + rs.getDouble(5) + rs.getDouble(6);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
