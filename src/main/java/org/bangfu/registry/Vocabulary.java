package org.bangfu.registry;

/**
 * The register's closed vocabularies. Stored by name; shown through the bundle keys
 * {@code registry.<enum>.<NAME>} (e.g. {@code registry.relation.HEAD} = 户主).
 */
public final class Vocabulary {

	private Vocabulary() {
	}

	public enum HouseholdStatus {

		DRAFT, FILED, EXITED, CLOSED

	}

	public enum CloseReason {

		DEATH, TRANSFER, RETIREMENT, OTHER

	}

	public enum Relation {

		HEAD, SPOUSE, SON, DAUGHTER, FATHER, MOTHER, DAUGHTER_IN_LAW, SON_IN_LAW, GRANDSON, GRANDDAUGHTER, SIBLING, OTHER

	}

	public enum Employment {

		EMPLOYED, FLEXIBLE, LAID_OFF, UNEMPLOYED, RETIRED, UNABLE, STUDENT, PRESCHOOL

	}

	public enum Health {

		HEALTHY, CHRONIC, MAJOR_ILLNESS, DISABLED

	}

	public enum Schooling {

		PRESCHOOL, PRIMARY, JUNIOR, SENIOR, VOCATIONAL, COLLEGE, BACHELOR, POSTGRADUATE

	}

	public enum HousingType {

		OWN, RENTED, BORROWED, NONE

	}

	public enum HardshipCause {

		ILLNESS, DISABILITY, SCHOOLING, SINGLE_PARENT, ACCIDENT, UNEMPLOYMENT, DISASTER, HOUSING, LACK_OF_LABOUR, OTHER

	}

	public enum Category {

		DIBAO, DESTITUTE, NEAR_DIBAO, EXPENDITURE_HARDSHIP, HARDSHIP_WORKER, VULNERABLE_CHILD, ORPHAN, ELDERLY_ALONE,
		EMPTY_NEST, DISABLED, ENTITLED_GROUP, MILITARY_FAMILY

	}

}
