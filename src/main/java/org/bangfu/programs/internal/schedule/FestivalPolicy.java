package org.bangfu.programs.internal.schedule;

import java.util.List;
import java.util.Optional;

/** The traditional festivals of the lunar calendar that programs pay on, with their names. */
public final class FestivalPolicy {

	/** A festival: lunar month and day (30 of the 12th month is New Year's Eve, whatever the month's length). */
	public record Festival(int month, int day, String nameZh, String nameEn) {
	}

	public static final List<Festival> FESTIVALS = List.of(
			new Festival(1, 1, "春节", "Spring Festival"),
			new Festival(1, 15, "元宵节", "Lantern Festival"),
			new Festival(5, 5, "端午节", "Dragon Boat Festival"),
			new Festival(7, 7, "七夕", "Qixi Festival"),
			new Festival(8, 15, "中秋节", "Mid-Autumn Festival"),
			new Festival(9, 9, "重阳节", "Double Ninth Festival"),
			new Festival(12, 8, "腊八节", "Laba Festival"),
			new Festival(12, 30, "除夕", "New Year's Eve"));

	private FestivalPolicy() {
	}

	public static Optional<Festival> of(int month, int day) {
		return FESTIVALS.stream().filter(f -> f.month() == month && f.day() == day).findFirst();
	}

}
