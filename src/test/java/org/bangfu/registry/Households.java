package org.bangfu.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;
import org.bangfu.shared.IdNumber;

/** Test data for the register: valid, unique ID numbers and ready-made families. */
public final class Households {

	/** A township of Jiang'an district (the fixtures' organisations sit in 420102). */
	public static final String TOWNSHIP = "420102002";

	private static final AtomicInteger SEQ = new AtomicInteger();

	private Households() {
	}

	/** A fresh valid ID number (random region, so tests sharing a database never collide). */
	public static String idNumber(LocalDate birth, boolean male) {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		int seq = (SEQ.incrementAndGet() * 2 + (male ? 1 : 0)) % 1000;
		String first17 = (110000 + r.nextInt(540000)) + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
				+ String.format("%03d", seq);
		return first17 + IdNumber.checkChar(first17);
	}

	public static String fileNo() {
		return "H" + System.nanoTime() % 100000000 + "-" + SEQ.incrementAndGet();
	}

	public static HouseholdData household(String fileNo) {
		return new HouseholdData(fileNo, TOWNSHIP, "江岸区大智街道某小区 1 栋", "13812345678", HardshipCause.UNEMPLOYMENT,
				List.of(HardshipCause.SCHOOLING), List.of(Category.HARDSHIP_WORKER), HousingType.RENTED,
				new BigDecimal("45.50"), new BigDecimal("9600.00"), 0, new BigDecimal("1200.00"), null, "工商银行",
				"6222021234567890123", null);
	}

	public static MemberData person(String name, String idNumber, Relation relation, String wage) {
		return new MemberData(name, idNumber, relation, "汉族", null, null, Employment.LAID_OFF, null, null,
				new BigDecimal(wage), null, null, null, null, null, null, null, null, null, null, null, List.of());
	}

	public static MemberData student(String name, String idNumber) {
		return new MemberData(name, idNumber, Relation.SON, "汉族", null, null, Employment.STUDENT, null, null,
				BigDecimal.ZERO, null, null, null, null, null, null, null, null, Schooling.BACHELOR, "武汉大学", null,
				List.of());
	}

	/** A household with only its head (52, laid off, no income). */
	public static FileHousehold headOnly(String headIdNumber) {
		return new FileHousehold(null, household(fileNo()), person("张建国", headIdNumber, Relation.HEAD, "0"));
	}

}
