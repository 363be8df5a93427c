package org.bangfu.programs.internal.handover;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.bangfu.programs.NoticeObjectionView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Objections to roster notices from the public page (programs_notice_objection), and the hourly
 * allowance per client address (programs_objection_rate, one atomic upsert, so the limit holds
 * across instances; addresses kept only as SHA-256 hashes), as the cases notices limit theirs.
 */
@Repository
public class NoticeObjectionStore {

	private final JdbcClient jdbc;

	private final int perHour;

	NoticeObjectionStore(JdbcClient jdbc, @Value("${bangfu.notices.objections-per-hour:5}") int perHour) {
		this.jdbc = jdbc;
		this.perHour = perHour;
	}

	/** Counts one attempt from the address; false when the address has used up this hour's allowance. */
	public boolean tryAcquire(String clientAddress) {
		jdbc.sql("DELETE FROM programs_objection_rate WHERE window_start < now() - interval '2 hours'").update();
		int hits = jdbc.sql("""
				INSERT INTO programs_objection_rate (client_key, window_start, hits) VALUES (?, date_trunc('hour', now()), 1)
				ON CONFLICT (client_key, window_start) DO UPDATE SET hits = programs_objection_rate.hits + 1
				RETURNING hits""")
			.param(hash(clientAddress))
			.query(Integer.class)
			.single();
		return hits <= perHour;
	}

	public boolean rowExists(long noticeId, int rowNo) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM programs_roster_notice_row WHERE notice_id = ? AND row_no = ?)")
			.params(noticeId, rowNo)
			.query(Boolean.class)
			.single();
	}

	public long insert(long noticeId, int rowNo, String name, String contact, String text, Instant at) {
		return jdbc.sql("""
				INSERT INTO programs_notice_objection (notice_id, row_no, name, contact, text, received_at)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(noticeId, rowNo, name, contact, text, java.sql.Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/** The notice's objections, oldest first, with the row's masked name. */
	public List<NoticeObjectionView> ofNotice(long noticeId) {
		return jdbc.sql("""
				SELECT o.id, o.row_no, r.display_name, o.name, o.contact, o.text, o.received_at
				FROM programs_notice_objection o
				JOIN programs_roster_notice_row r ON r.notice_id = o.notice_id AND r.row_no = o.row_no
				WHERE o.notice_id = ? ORDER BY o.id""")
			.param(noticeId)
			.query((rs, n) -> new NoticeObjectionView(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	private static String hash(String address) {
		try {
			byte[] d = MessageDigest.getInstance("SHA-256")
				.digest(("bangfu-roster-objection:" + (address == null ? "" : address)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(d);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
