package org.bangfu.crosscheck.spark;

import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The cross-check on Apache Spark, for extracts of hundreds of millions of rows: reads the extract
 * files (one per registry, named KIND.csv, UTF-8, in the layouts of docs/crosscheck.md) and the
 * register file Bangfu exports (keyed hashes, names, the facts the rules compare), hashes the
 * extract ID numbers with the instance lookup key, and applies the same rules as the database path.
 * Output: one row per finding (kind, household, member name, evidence rows), sorted.
 *
 * <p>Run: {@code spark-submit --class org.bangfu.crosscheck.spark.CrossCheckJob crosscheck-spark.jar
 * EXTRACT_DIR REGISTER_CSV LOOKUP_KEY_HEX OUT_DIR}.
 */
public final class CrossCheckJob {

	/** The extract kinds with their headers: ID, name, then the kind's own columns mapped to fields. */
	static final Map<String, Map<String, String>> LAYOUTS = Map.of(
			"DIBAO", Map.of("户主身份证号", "head_id", "月保障金", "amount", "发放地区", "item"),
			"SOCIAL_INSURANCE", Map.of("类别", "sub_kind_text", "月金额", "amount", "单位", "item"),
			"REAL_ESTATE", Map.of("不动产坐落", "item", "建筑面积", "amount"),
			"VEHICLE", Map.of("号牌号码", "item", "登记日期", "event_date"),
			"BUSINESS", Map.of("企业名称", "item", "成立日期", "event_date"),
			"DEATH", Map.of("死亡日期", "event_date", "火化地点", "item"),
			"HOUSING_FUND", Map.of("月缴存额", "amount", "缴存单位", "item"));

	private CrossCheckJob() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 4) {
			System.err.println("Usage: CrossCheckJob EXTRACT_DIR REGISTER_CSV LOOKUP_KEY_HEX OUT_DIR");
			System.exit(2);
		}
		SparkSession spark = SparkSession.builder().appName("bangfu-crosscheck").getOrCreate();
		try {
			findings(spark, Path.of(args[0]), Path.of(args[1]), HexFormat.of().parseHex(args[2].strip()))
				.coalesce(1).write().option("header", true).csv(args[3]);
		}
		finally {
			spark.stop();
		}
	}

	/** The findings of every extract file present in the directory. */
	public static Dataset<Row> findings(SparkSession spark, Path extracts, Path register, byte[] lookupKey) {
		String key = HexFormat.of().formatHex(lookupKey);
		spark.udf().register("keyed_hash", (UDF1<String, String>) id -> id == null ? null : hash(key, id), DataTypes.StringType);
		spark.udf().register("valid_id", (UDF1<String, String>) CrossCheckJob::validId, DataTypes.StringType);
		Dataset<Row> reg = spark.read().option("header", true).option("encoding", "UTF-8").csv(register.toString())
			.withColumn("vehicles", col("vehicles").cast("int"))
			.withColumn("income_wage", col("income_wage").cast("decimal(12,2)"))
			.withColumn("income_pension", col("income_pension").cast("decimal(12,2)"))
			.withColumn("dibao", col("dibao").cast("boolean"));
		List<Dataset<Row>> all = new ArrayList<>();
		for (var layout : LAYOUTS.entrySet()) {
			Path file = extracts.resolve(layout.getKey() + ".csv");
			if (Files.exists(file)) {
				all.add(rule(layout.getKey(), hits(spark, file, layout.getKey(), layout.getValue(), reg), reg));
			}
		}
		Dataset<Row> union = all.stream().reduce(Dataset::unionByName).orElseThrow();
		return union.groupBy("kind", "household", "name").agg(count(lit(1)).as("rows"))
			.orderBy("kind", "household", "name");
	}

	/** Extract rows whose keyed hash and name are a register member's, with the member's file facts. */
	static Dataset<Row> hits(SparkSession spark, Path file, String kind, Map<String, String> columns, Dataset<Row> reg) {
		Dataset<Row> ex = spark.read().option("header", true).option("encoding", "UTF-8").csv(file.toString());
		ex = ex.withColumnRenamed("身份证号", "id_text").withColumnRenamed("姓名", "name_text");
		for (var c : columns.entrySet()) {
			if (List.of(ex.columns()).contains(c.getKey())) {
				ex = ex.withColumnRenamed(c.getKey(), c.getValue());
			}
			else {
				ex = ex.withColumn(c.getValue(), lit(null).cast("string"));
			}
		}
		for (String f : List.of("head_id", "sub_kind_text", "amount", "item", "event_date")) {
			if (!List.of(ex.columns()).contains(f)) {
				ex = ex.withColumn(f, lit(null).cast("string"));
			}
		}
		Column amount = trim(col("amount")).cast("decimal(14,2)");
		ex = ex.withColumn("id", callUDF("valid_id", col("id_text")))
			.withColumn("x_name", trim(col("name_text")))
			.withColumn("x_amount", amount)
			.withColumn("sub_kind", when(trim(col("sub_kind_text")).equalTo("养老金"), lit("PENSION"))
				.when(trim(col("sub_kind_text")).equalTo("缴费"), lit("CONTRIBUTION")))
			.filter(col("id").isNotNull().and(col("x_name").notEqual("")))
			.withColumn("id_hash", callUDF("keyed_hash", col("id")))
			.withColumn("head_hash", callUDF("keyed_hash", callUDF("valid_id", col("head_id"))));
		if (kind.equals("SOCIAL_INSURANCE")) {
			ex = ex.filter(col("sub_kind").isNotNull());
		}
		if (kind.equals("DIBAO") || kind.equals("SOCIAL_INSURANCE") || kind.equals("HOUSING_FUND")) {
			ex = ex.filter(col("x_amount").isNotNull());
		}
		if (kind.equals("DEATH")) {
			ex = ex.filter(col("event_date").isNotNull());
		}
		return ex.join(reg, ex.col("id_hash").equalTo(reg.col("id_hash")).and(ex.col("x_name").equalTo(reg.col("name"))))
			.select(reg.col("household"), reg.col("name"), reg.col("vehicles"), reg.col("business"), reg.col("housing_type"),
					reg.col("dibao"), reg.col("income_wage"), reg.col("income_pension"), ex.col("head_hash"),
					ex.col("sub_kind"), ex.col("x_amount").as("amount"))
			.withColumn("in_household", count(lit(1)).over(Window.partitionBy("household")));
	}

	/** The rule of the kind over the hits, as in the database path: kind, household, name. */
	static Dataset<Row> rule(String kind, Dataset<Row> hit, Dataset<Row> reg) {
		Column noBusiness = col("business").isNull().or(trim(col("business")).equalTo(""));
		Dataset<Row> out = switch (kind) {
			case "DEATH" -> hit.withColumn("kind", lit("MEMBER_DIED"));
			case "VEHICLE" -> hit.filter(col("in_household").gt(col("vehicles"))).withColumn("kind", lit("VEHICLE"));
			case "REAL_ESTATE" -> hit.filter(col("in_household").gt(when(col("housing_type").equalTo("OWN"), 1).otherwise(0)))
				.withColumn("kind", lit("SECOND_HOME"));
			case "BUSINESS" -> hit.filter(noBusiness).withColumn("kind", lit("BUSINESS"));
			case "SOCIAL_INSURANCE" -> hit.filter(col("amount").gt(0).and(
					col("sub_kind").equalTo("PENSION").and(col("income_pension").equalTo(0))
						.or(col("sub_kind").equalTo("CONTRIBUTION").and(col("income_wage").equalTo(0)))))
				.withColumn("kind", when(col("sub_kind").equalTo("PENSION"), lit("PENSION_NOT_SHOWN")).otherwise(lit("WAGE_NOT_SHOWN")));
			case "HOUSING_FUND" -> hit.filter(col("amount").gt(0).and(col("income_wage").equalTo(0)))
				.withColumn("kind", lit("WAGE_NOT_SHOWN"));
			case "DIBAO" -> {
				Dataset<Row> elsewhere = hit.filter(col("dibao").equalTo(false)).withColumn("kind", lit("DIBAO_ELSEWHERE"));
				Dataset<Row> members = reg.select(col("household").as("m_household"), col("id_hash").as("m_hash"));
				Dataset<Row> twice = hit.filter(col("head_hash").isNotNull())
					.join(members, hit.col("household").equalTo(members.col("m_household"))
						.and(hit.col("head_hash").equalTo(members.col("m_hash"))), "left_anti")
					.withColumn("kind", lit("FILED_TWICE"));
				yield elsewhere.unionByName(twice);
			}
			default -> throw new IllegalArgumentException(kind);
		};
		return out.select("kind", "household", "name");
	}

	/** One initialised MAC per executor thread and key (a MAC per row would dominate the job). */
	private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(java.util.HashMap::new);

	static String hash(String keyHex, String id) {
		Mac mac = MACS.get().computeIfAbsent(keyHex, k -> {
			try {
				Mac m = Mac.getInstance("HmacSHA256");
				m.init(new SecretKeySpec(HexFormat.of().parseHex(k), "HmacSHA256"));
				return m;
			}
			catch (java.security.GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
		return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
	}

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = "10X98765432".toCharArray();

	/** The ID number in upper case when it has 18 characters and a right check character, else null. */
	static String validId(String text) {
		if (text == null) {
			return null;
		}
		String v = text.strip().toUpperCase(java.util.Locale.ROOT);
		if (v.length() != 18) {
			return null;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			char c = v.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
			sum += (c - '0') * WEIGHTS[i];
		}
		return v.charAt(17) == CHECK[sum % 11] ? v : null;
	}

}
