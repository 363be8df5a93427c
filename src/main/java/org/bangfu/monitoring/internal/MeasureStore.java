package org.bangfu.monitoring.internal;

import java.time.LocalDate;
import java.util.List;

import org.bangfu.monitoring.MeasureKind;
import org.bangfu.monitoring.MeasureView;
import org.bangfu.monitoring.NewMeasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Measures of a flag. */
@Component
public class MeasureStore {

	private final JdbcClient jdbc;

	MeasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long flagId, NewMeasure m, String login) {
		return jdbc.sql("""
				INSERT INTO monitoring_measure (flag_id, kind, responsible, measure_on, note, carried_out, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(flagId, m.kind().name(), m.responsible().strip(), m.on(), m.note(), m.carriedOut(), login)
			.query(Long.class)
			.single();
	}

	public List<MeasureView> of(long flagId) {
		return jdbc.sql("SELECT * FROM monitoring_measure WHERE flag_id = ? ORDER BY measure_on, id")
			.param(flagId)
			.query((rs, n) -> new MeasureView(rs.getLong("id"), rs.getLong("flag_id"), MeasureKind.valueOf(rs.getString("kind")),
					rs.getString("responsible"), rs.getObject("measure_on", LocalDate.class), rs.getString("note"),
					rs.getBoolean("carried_out"), rs.getString("created_by")))
			.list();
	}

}
