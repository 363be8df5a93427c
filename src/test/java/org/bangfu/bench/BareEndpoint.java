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

	private static final String TOKEN = """
			SELECT u.id, u.login, u.organisation_id FROM identity_api_token t JOIN identity_user u ON u.id = t.user_id
			WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())""";

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
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			String token = authorization == null ? "" : authorization.substring("Bearer ".length());
			Map<String, Object> body;
			try (Connection c = dataSource.getConnection()) {
				c.setAutoCommit(false);
				try {
					// the same statements as Bangfu's request: the token, the household and its
					// members, and the audit record of the view, in one transaction
					List<Map<String, Object>> user = rows(c, TOKEN, sha256(token));
					if (user.isEmpty()) {
						c.rollback();
						exchange.sendResponseHeaders(401, -1);
						return;
					}
					List<Map<String, Object>> household = rows(c, HOUSEHOLD, id);
					if (household.isEmpty()) {
						c.rollback();
						exchange.sendResponseHeaders(404, -1);
						return;
					}
					body = household.get(0);
					body.put("members", rows(c, MEMBERS, id));
					audit(c, user.get(0), id, (String) body.get("file_no"));
					c.commit();
				}
				catch (SQLException | RuntimeException ex) {
					c.rollback();
					throw ex;
				}
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

	private static void audit(Connection c, Map<String, Object> user, long householdId, String fileNo)
			throws SQLException {
		long eventId;
		try (PreparedStatement ps = c.prepareStatement("""
				INSERT INTO audit_event (occurred_at, actor_id, actor_login, organisation_id, action, object_type,
				                         object_id, detail, client_address)
				VALUES (now(), ?, ?, ?, 'household.view', 'household', ?, ?, '127.0.0.1') RETURNING id""")) {
			ps.setLong(1, Long.parseLong((String) user.get("id")));
			ps.setString(2, (String) user.get("login"));
			ps.setLong(3, Long.parseLong((String) user.get("organisation_id")));
			ps.setString(4, Long.toString(householdId));
			ps.setString(5, "{\"fileNo\":\"" + fileNo + "\"}");
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				eventId = rs.getLong(1);
			}
		}
		try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_pending (event_id) VALUES (?)")) {
			ps.setLong(1, eventId);
			ps.executeUpdate();
		}
	}

	private static String sha256(String token) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Map<String, Object>> rows(Connection c, String sql, String key) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setString(1, key);
			return read(ps);
		}
	}

	private static List<Map<String, Object>> rows(Connection c, String sql, long id) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setLong(1, id);
			return read(ps);
		}
	}

	private static List<Map<String, Object>> read(PreparedStatement ps) throws SQLException {
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

	@Override
	public void close() {
		server.stop(0);
		pool.shutdownNow();
	}

}
