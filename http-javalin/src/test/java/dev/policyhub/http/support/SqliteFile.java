package dev.policyhub.http.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** SQLite's own checks of a database file, run through a connection of this process once the server has stopped. */
public final class SqliteFile {
    private SqliteFile() {
    }

    /** Every problem {@code PRAGMA integrity_check} and {@code PRAGMA foreign_key_check} report; empty when sound. */
    public static List<String> problems(Path file) {
        List<String> problems = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                while (rows.next()) {
                    if (!rows.getString(1).equals("ok")) {
                        problems.add("integrity_check: " + rows.getString(1));
                    }
                }
            }
            try (ResultSet rows = statement.executeQuery("PRAGMA foreign_key_check")) {
                while (rows.next()) {
                    problems.add("foreign_key_check: table " + rows.getString(1) + " row " + rows.getLong(2)
                            + " refers to a missing row of " + rows.getString(3));
                }
            }
        } catch (SQLException e) {
            problems.add("the file cannot be checked: " + e);
        }
        return problems;
    }
}
