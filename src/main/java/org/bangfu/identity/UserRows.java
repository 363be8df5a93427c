package org.bangfu.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.bangfu.shared.Role;

/** How user rows are read: the shared SELECT and the column mapping. */
final class UserRows {

	static final String SELECT = """
			SELECT u.id, u.login, u.name, u.phone, u.organisation_id, o.name AS organisation_name,
			       array(SELECT role FROM identity_user_role r WHERE r.user_id = u.id ORDER BY role) AS roles,
			       u.active, u.locked_until, u.created_at
			FROM identity_user u JOIN organisation o ON o.id = u.organisation_id
			""";

	private UserRows() {
	}

	static UserView map(ResultSet rs, int n) throws SQLException {
		return new UserView(rs.getLong("id"), rs.getString("login"), rs.getString("name"), rs.getString("phone"),
				rs.getLong("organisation_id"), rs.getString("organisation_name"), roles(rs.getArray("roles")),
				rs.getBoolean("active"), instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("created_at")));
	}

	static Set<Role> roles(Array array) throws SQLException {
		Object[] values = (Object[]) array.getArray();
		if (values.length == 0) {
			return EnumSet.noneOf(Role.class);
		}
		return Arrays.stream(values)
			.map(v -> Role.valueOf((String) v))
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

}
