package org.bangfu.pairing;

import java.util.List;

/** The fixed lists of this module; page labels are {@code pairing.<enum>.<NAME>}. */
public final class PairingVocabulary {

	private PairingVocabulary() {
	}

	/** One cadre for one household only, or one cadre for several (up to the cap). */
	public enum PairingType {

		ONE_TO_ONE, ONE_TO_MANY

	}

	public enum EndReason {

		TERM_COMPLETED, CADRE_DEACTIVATED, CADRE_TRANSFERRED, CADRE_ROLE_REMOVED, REASSIGNED, HOUSEHOLD_EXITED, HOUSEHOLD_CLOSED, OTHER

	}

	/** Why an organisation stopped helping another. */
	public enum OrgEndReason {

		TERM_COMPLETED, GOALS_MET, REASSIGNED, OTHER

	}

	public enum VisitKind {

		HOME, PHONE, GROUP

	}

	/** How often a household must be visited: each calendar month, each calendar quarter, or every N days. */
	public enum Frequency {

		MONTHLY, QUARTERLY, DAYS

	}

	public enum MeasureType {

		EMPLOYMENT, EDUCATION, MEDICAL, HOUSING, INDUSTRY, POLICY_APPLICATION, DONATION, OTHER

	}

	public enum MeasureStatus {

		PLANNED, IN_PROGRESS, DONE, CANCELLED

	}

	public enum ClauseStatus {

		OPEN, DONE, CANCELLED

	}

	public enum SignedHow {

		UPLOAD, ON_SCREEN

	}

	/**
	 * The plan-7 checklist ("一超两不愁三保障三有", M12), in the order the plan lists it, each with
	 * its column in {@code pairing_visit}.
	 */
	public enum Indicator {

		INCOME_ABOVE_LINE("income_above_line"), FOOD("food"), CLOTHING("clothing"), HOUSING_SAFE("housing_safe"),
		MEDICAL_COVER("medical_cover"), NO_DROPOUT("no_dropout"), SAFE_WATER("safe_water"),
		ELECTRICITY("electricity"), RADIO_TV("radio_tv");

		private final String column;

		Indicator(String column) {
			this.column = column;
		}

		public String column() {
			return column;
		}

		/** The form/JSON field name (camel case of the column). */
		public String field() {
			StringBuilder b = new StringBuilder();
			boolean up = false;
			for (char c : column.toCharArray()) {
				if (c == '_') {
					up = true;
				}
				else {
					b.append(up ? Character.toUpperCase(c) : c);
					up = false;
				}
			}
			return b.toString();
		}

		public static List<Indicator> all() {
			return List.of(values());
		}

	}

}
