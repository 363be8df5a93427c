package org.bangfu.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The reference for GET /api/v1/households/{id}: the JDK's own HTTP server on loopback running
 * the same two statements as Bangfu's household read (the household with its organisation and
 * region; its active members) on the same connection pool, returning the rows as JSON. No
 * security, no scope, no audit, no masking, no framework: what the hardware and PostgreSQL
 * give.
 */
final class BareEndpoint implements AutoCloseable {

	private static final String HOUSEHOLD = """
			SELECT h.*, o.name AS organisation_name, r.name AS region_name
			FROM registry_household h
			JOIN organisation o ON o.id = h.organisation_id
			LEFT JOIN organisation_region r ON r.code = h.region_code
			WHERE h.id = ?""";

	private static final String MEMBERS = """
			SELECT * FROM registry_member WHERE household_id = ? AND active
			ORDER BY (relation = 'HEAD') DESC, birth_date, id""";

	private final HttpServer server;

	private final ExecutorService pool;

	private final DataSource dataSource;

	private final JsonMapper json = JsonMapper.builder().build();

	static {
		// without it the JDK server's separate header and body writes meet the client's delayed
		// ACK: about 40 ms per request, which measured the TCP stack, not the endpoint
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	BareEndpoint(DataSource dataSource, int threads) throws IOException {
		this.dataSource = dataSource;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
		this.pool = Executors.newFixedThreadPool(threads);
		this.server.setExecutor(pool);
		this.server.createContext("/bare/households/", this::handle);
		this.server.start();
	}

	String url(long id) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/bare/households/" + id;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			String path = exchange.getRequestURI().getPath();
			long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
			Map<String, Object> body;
			try (Connection c = dataSource.getConnection()) {
				List<Map<String, Object>> household = rows(c, HOUSEHOLD, id);
				if (household.isEmpty()) {
					exchange.sendResponseHeaders(404, -1);
					return;
				}
				body = household.get(0);
				body.put("members", rows(c, MEMBERS, id));
			}
			byte[] bytes = json.writeValueAsBytes(body);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (SQLException | RuntimeException ex) {
			exchange.sendResponseHeaders(500, -1);
		}
		finally {
			exchange.close();
		}
	}

	private static List<Map<String, Object>> rows(Connection c, String sql, long id) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setLong(1, id);
			try (ResultSet rs = ps.executeQuery()) {
				ResultSetMetaData meta = rs.getMetaData();
				List<Map<String, Object>> out = new ArrayList<>();
				while (rs.next()) {
					Map<String, Object> row = new LinkedHashMap<>();
					for (int i = 1; i <= meta.getColumnCount(); i++) {
						Object v = rs.getObject(i);
						row.put(meta.getColumnLabel(i), v instanceof java.sql.Array a ? a.getArray() : v == null ? null : v.toString());
					}
					out.add(row);
				}
				return out;
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
		pool.shutdownNow();
	}

}
