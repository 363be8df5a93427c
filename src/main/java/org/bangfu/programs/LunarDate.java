package org.bangfu.programs;

/**
 * A date of the Chinese lunisolar calendar (农历): the Gregorian year in which its lunar year
 * begins (related year), month 1–12, whether the month is a leap month (闰月), and day 1–30.
 */
public record LunarDate(int year, int month, boolean leap, int day) {

	private static final String[] MONTHS = { "正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊" };

	private static final String[] DIGITS = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

	/** The month and day in Chinese: 九月初九, 闰六月十五, 腊月三十. */
	public String chinese() {
		return (leap ? "闰" : "") + MONTHS[month - 1] + "月" + chineseDay(day);
	}

	/** The month and day in English: 9/9, leap 6/15. */
	public String english() {
		return (leap ? "leap " : "") + month + "/" + day;
	}

	static String chineseDay(int day) {
		if (day <= 10) {
			return "初" + DIGITS[day];
		}
		if (day < 20) {
			return "十" + DIGITS[day - 10];
		}
		if (day == 20 || day == 30) {
			return DIGITS[day / 10] + "十";
		}
		return DIGITS[day / 10] + "十" + DIGITS[day % 10];
	}

}
