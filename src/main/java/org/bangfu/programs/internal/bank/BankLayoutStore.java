package org.bangfu.programs.internal.bank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bangfu.programs.BankColumn;
import org.bangfu.programs.BankLayout;
import org.bangfu.programs.BankLayout.AmountUnit;
import org.bangfu.programs.BankLayout.Encoding;
import org.bangfu.programs.BankLayout.FileType;
import org.bangfu.programs.BankLayout.LineEnd;
import org.bangfu.programs.BankLayout.SummaryPosition;
import org.bangfu.programs.PaymentIdType;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bank layouts. A user may use the built-in layout, the layouts of their organisation subtree and
 * those of the organisations above theirs (a county's layout serves its townships); they may change
 * only the layouts of their subtree.
 */
@Repository
public class BankLayoutStore {

	private static final String SELECT = """
			SELECT l.id, l.organisation_id, l.name, l.bank_code, l.encoding, l.separator, l.line_end, l.amount_unit,
			       l.summary_position, l.file_type, l.summary_columns, l.detail_columns, l.return_summary_columns,
			       l.return_detail_columns, l.id_type_codes, l.built_in
			FROM programs_bank_layout l LEFT JOIN organisation o ON o.id = l.organisation_id
			""";

	private static final String USABLE = "(l.built_in OR o.path LIKE :scopePath OR :path LIKE o.path || '%')";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	BankLayoutStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<BankLayout> usable(Scope scope) {
		return jdbc.sql(SELECT + " WHERE l.active AND " + USABLE + " ORDER BY l.built_in DESC, l.name, l.id")
			.param("scopePath", scope.likePattern())
			.param("path", scope.path())
			.query(BankLayoutStore::map)
			.list();
	}

	public Optional<BankLayout> usable(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE l.id = :id AND l.active AND " + USABLE)
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.param("path", scope.path())
			.query(BankLayoutStore::map)
			.optional();
	}

	/** A layout the scope may change (its organisation is in the subtree; never the built-in one). */
	public Optional<BankLayout> editable(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE l.id = :id AND NOT l.built_in AND o.path LIKE :scopePath")
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(BankLayoutStore::map)
			.optional();
	}

	public long insert(BankLayout l, String by) {
		return jdbc.sql("""
				INSERT INTO programs_bank_layout (organisation_id, name, bank_code, encoding, separator, line_end,
				       amount_unit, summary_position, file_type, summary_columns, detail_columns, return_summary_columns,
				       return_detail_columns, id_type_codes, updated_by)
				VALUES (:org, :name, :bank, :enc, :sep, :le, :unit, :pos, :type, :sc, :dc, :rsc, :rdc, :ids, :by)
				RETURNING id""").params(params(l, by)).query(Long.class).single();
	}

	public void update(long id, BankLayout l, String by) {
		var p = params(l, by);
		p.put("id", id);
		jdbc.sql("""
				UPDATE programs_bank_layout SET name = :name, bank_code = :bank, encoding = :enc, separator = :sep,
				       line_end = :le, amount_unit = :unit, summary_position = :pos, file_type = :type,
				       summary_columns = :sc, detail_columns = :dc, return_summary_columns = :rsc,
				       return_detail_columns = :rdc, id_type_codes = :ids, updated_by = :by, updated_at = now()
				WHERE id = :id AND NOT built_in""").params(p).update();
	}

	private static Map<String, Object> params(BankLayout l, String by) {
		Map<String, Object> p = new java.util.HashMap<>();
		p.put("org", l.organisationId());
		p.put("name", l.name());
		p.put("bank", l.bankCode());
		p.put("enc", l.encoding().name());
		p.put("sep", l.separator());
		p.put("le", l.lineEnd().name());
		p.put("unit", l.amountUnit().name());
		p.put("pos", l.summaryPosition().name());
		p.put("type", l.fileType().name());
		p.put("sc", columnsText(l.summaryColumns()));
		p.put("dc", columnsText(l.detailColumns()));
		p.put("rsc", columnsText(l.returnSummaryColumns()));
		p.put("rdc", columnsText(l.returnDetailColumns()));
		p.put("ids", idTypesText(l.idTypeCodes()));
		p.put("by", by);
		return p;
	}

	public static String columnsText(List<BankColumn> columns) {
		return columns.stream().map(Enum::name).collect(Collectors.joining(","));
	}

	public static List<BankColumn> columns(String text) {
		return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(BankColumn::valueOf).toList();
	}

	public static String idTypesText(Map<PaymentIdType, String> codes) {
		return codes.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue()).collect(Collectors.joining(","));
	}

	public static Map<PaymentIdType, String> idTypes(String text) {
		Map<PaymentIdType, String> codes = new EnumMap<>(PaymentIdType.class);
		for (String pair : text.split(",")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				codes.put(PaymentIdType.valueOf(pair.substring(0, eq).strip()), pair.substring(eq + 1).strip());
			}
		}
		return codes;
	}

	/** The layout as a batch keeps it (so a later edit of the layout never changes an issued file). */
	public static String snapshot(BankLayout layout) {
		return JSON.writeValueAsString(layout);
	}

	public static BankLayout fromSnapshot(String json) {
		return JSON.readValue(json, BankLayout.class);
	}

	static BankLayout map(ResultSet rs, int n) throws SQLException {
		long org = rs.getLong("organisation_id");
		return new BankLayout(rs.getLong("id"), rs.wasNull() ? null : org, rs.getString("name"), rs.getString("bank_code"),
				Encoding.valueOf(rs.getString("encoding")), rs.getString("separator"),
				LineEnd.valueOf(rs.getString("line_end")), AmountUnit.valueOf(rs.getString("amount_unit")),
				SummaryPosition.valueOf(rs.getString("summary_position")), FileType.valueOf(rs.getString("file_type")),
				columns(rs.getString("summary_columns")), columns(rs.getString("detail_columns")),
				columns(rs.getString("return_summary_columns")), columns(rs.getString("return_detail_columns")),
				idTypes(rs.getString("id_type_codes")), rs.getBoolean("built_in"));
	}

}
