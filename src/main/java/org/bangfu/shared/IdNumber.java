package org.bangfu.shared;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A resident identity card number (GB 11643-1999): 6-digit region, birth date YYYYMMDD,
 * 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character. Always held
 * upper-case; {@link #toString()} is masked so a full number never lands in a log by
 * accident — use {@link #value()} where the full number is really needed.
 */
public final class IdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final LocalDate EARLIEST = LocalDate.of(1880, 1, 1);

	private final String value;

	private final LocalDate birthDate;

	private IdNumber(String value, LocalDate birthDate) {
		this.value = value;
		this.birthDate = birthDate;
	}

	/** Parses with field name {@code idNumber}, checking the birth date against today in Asia/Shanghai. */
	public static IdNumber parse(String text) {
		return parse("idNumber", text, LocalDate.now(BusinessClock.zone()));
	}

	/**
	 * Parses and validates; fails with {@link BangfuException#badField} on the given field with
	 * key {@code idNumber.length}, {@code idNumber.characters}, {@code idNumber.date} or
	 * {@code idNumber.checkDigit}, the (trimmed) input as the argument.
	 */
	public static IdNumber parse(String field, String text, LocalDate today) {
		String v = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
		if (v.length() != 18) {
			throw BangfuException.badField(field, "idNumber.length", v, v.length());
		}
		if (!v.matches("\\d{17}[\\dX]")) {
			throw BangfuException.badField(field, "idNumber.characters", v);
		}
		LocalDate birth;
		try {
			birth = LocalDate.parse(v.substring(6, 14), DATE);
		}
		catch (DateTimeParseException ex) {
			throw BangfuException.badField(field, "idNumber.date", v);
		}
		if (birth.isAfter(today) || birth.isBefore(EARLIEST)) {
			throw BangfuException.badField(field, "idNumber.date", v);
		}
		if (v.charAt(17) != checkChar(v.substring(0, 17))) {
			throw BangfuException.badField(field, "idNumber.checkDigit", v);
		}
		return new IdNumber(v, birth);
	}

	/** True when the text is a valid ID number today. */
	public static boolean isValid(String text, LocalDate today) {
		try {
			parse("idNumber", text, today);
			return true;
		}
		catch (BangfuException ex) {
			return false;
		}
	}

	/** The check character for the first 17 digits. */
	public static char checkChar(CharSequence first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	public String value() {
		return value;
	}

	public String regionCode() {
		return value.substring(0, 6);
	}

	public LocalDate birthDate() {
		return birthDate;
	}

	/** {@code M} when the sequence is odd, otherwise {@code F}. */
	public Sex sex() {
		return (value.charAt(16) - '0') % 2 == 1 ? Sex.M : Sex.F;
	}

	/** Age in completed years on the date. */
	public int age(LocalDate on) {
		return Period.between(birthDate, on).getYears();
	}

	/** First 6 characters, 8 asterisks, last 4: 420102********1234. */
	public String masked() {
		return mask(value);
	}

	/** Masks any 18-character ID number the same way (other lengths: all but the last 4 hidden). */
	public static String mask(String full) {
		if (full == null || full.isEmpty()) {
			return full;
		}
		if (full.length() == 18) {
			return full.substring(0, 6) + "********" + full.substring(14);
		}
		return "*".repeat(Math.max(0, full.length() - 4)) + full.substring(Math.max(0, full.length() - 4));
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof IdNumber other && other.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return masked();
	}

	/** Sex as recorded on the ID card. */
	public enum Sex {

		M, F

	}

}
