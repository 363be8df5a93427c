package org.bangfu.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.CloseReason;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;

/** What a user can ask of the register. Every command is audited and kept in the household's history. */
public final class HouseholdCommands {

	private HouseholdCommands() {
	}

	/** The household-level facts of a file. A blank bank account on update keeps the stored one. */
	public record HouseholdData(
			@NotBlank(message = "{registry.fileNo.required}") @Size(max = 40, message = "{registry.fileNo.size}") String fileNo,
			@NotBlank(message = "{registry.regionCode.required}") String regionCode,
			@Size(max = 200, message = "{registry.text.size}") String address,
			@Pattern(regexp = "|1\\d{10}|0\\d{2,3}-\\d{7,8}", message = "{registry.phone.pattern}") String phone,
			HardshipCause mainCause,
			@Size(max = 3, message = "{registry.secondaryCauses.size}") List<HardshipCause> secondaryCauses,
			List<Category> categories,
			HousingType housingType,
			@DecimalMin(value = "0", message = "{registry.amount.negative}") @Digits(integer = 6, fraction = 2, message = "{registry.area.digits}") BigDecimal floorArea,
			@DecimalMin(value = "0", message = "{registry.amount.negative}") @Digits(integer = 10, fraction = 2, message = "{registry.amount.digits}") BigDecimal annualRent,
			@Min(value = 0, message = "{registry.amount.negative}") Integer vehicles,
			@DecimalMin(value = "0", message = "{registry.amount.negative}") @Digits(integer = 12, fraction = 2, message = "{registry.amount.digits}") BigDecimal savings,
			@Size(max = 200, message = "{registry.text.size}") String business,
			@Size(max = 100, message = "{registry.text.size}") String bankName,
			@Pattern(regexp = "|\\d{12,30}", message = "{registry.bankAccount.pattern}") String bankAccount,
			@Size(max = 1000, message = "{registry.text.size}") String remarks) {

		/**
		 * The facts as the roles may see them (the rule of {@link HouseholdView#forRoles}): whole for
		 * roles that may reveal ID numbers, phone and bank account masked for every other role.
		 */
		public HouseholdData forRoles(java.util.Set<org.bangfu.shared.Role> roles) {
			if (HouseholdRegistry.mayReveal(roles)) {
				return this;
			}
			return new HouseholdData(fileNo, regionCode, address, org.bangfu.shared.Masking.phone(phone), mainCause,
					secondaryCauses, categories, housingType, floorArea, annualRent, vehicles, savings, business, bankName,
					org.bangfu.shared.Masking.account(bankAccount), remarks);
		}

	}

	/** A person's facts. Birth date and sex come from the ID number (required, except on update). */
	public record MemberData(
			@NotBlank(message = "{registry.name.required}") @Size(max = 50, message = "{registry.name.size}") String name,
			String idNumber,
			@NotNull(message = "{registry.relation.required}") Relation relation,
			@Size(max = 20, message = "{registry.text.size}") String ethnicity,
			@Size(max = 20, message = "{registry.text.size}") String maritalStatus,
			@Size(max = 20, message = "{registry.text.size}") String hukouType,
			Employment employment,
			@Size(max = 100, message = "{registry.text.size}") String employer,
			@Pattern(regexp = "|1\\d{10}|0\\d{2,3}-\\d{7,8}", message = "{registry.phone.pattern}") String phone,
			@DecimalMin(value = "0", message = "{registry.amount.negative}") @Digits(integer = 10, fraction = 2, message = "{registry.amount.digits}") BigDecimal wage,
			@DecimalMin(value = "0", message = "{registry.amount.negative}") @Digits(integer = 10, fraction = 2, message = "{registry.amount.digits}") BigDecimal businessIncome,
			@DecimalMin(value = "0", message = "{registry.amount.negative}") @Digits(integer = 10, fraction = 2, message = "{registry.amount.digits}") BigDecimal propertyIncome,
			@DecimalMin(value = "0", message = "{registry.amount.negative}") @Digits(integer = 10, fraction = 2, message = "{registry.amount.digits}") BigDecimal transferIncome,
			@DecimalMin(value = "0", message = "{registry.amount.negative}") @Digits(integer = 10, fraction = 2, message = "{registry.amount.digits}") BigDecimal pension,
			Health health,
			@Size(max = 100, message = "{registry.text.size}") String disease,
			@Size(max = 40, message = "{registry.text.size}") String disabilityKind,
			@Min(value = 1, message = "{registry.disabilityGrade.range}") @Max(value = 4, message = "{registry.disabilityGrade.range}") Integer disabilityGrade,
			Schooling schooling,
			@Size(max = 100, message = "{registry.text.size}") String school,
			@Size(max = 40, message = "{registry.text.size}") String medicalInsurance,
			List<Category> categories) {

		/** The same facts with another ID number. */
		public MemberData withIdNumber(String other) {
			return new MemberData(name, other, relation, ethnicity, maritalStatus, hukouType, employment, employer, phone,
					wage, businessIncome, propertyIncome, transferIncome, pension, health, disease, disabilityKind,
					disabilityGrade, schooling, school, medicalInsurance, categories);
		}

	}

	/**
	 * Files a new household with its head. organisationId null = the caller's organisation;
	 * draft true saves it as a draft (草稿) to be filed later, its members not yet locked to it.
	 */
	public record FileHousehold(Long organisationId, @NotNull @Valid HouseholdData household,
			@NotNull @Valid MemberData head, Boolean draft) {

		/** Files at once (not a draft). */
		public FileHousehold(Long organisationId, HouseholdData household, MemberData head) {
			this(organisationId, household, head, Boolean.FALSE);
		}

		public boolean asDraft() {
			return Boolean.TRUE.equals(draft);
		}

	}

	/** Changes the household-level facts; version is the one the user saw (optimistic locking). */
	public record UpdateHousehold(@NotNull Integer version, @NotNull @Valid HouseholdData household) {
	}

	public record AddMember(@NotNull @Valid MemberData member) {
	}

	/** Changes a member; an empty ID number keeps the stored one. */
	public record UpdateMember(@NotNull @Valid MemberData member) {
	}

	public record RemoveMember(@Size(max = 500, message = "{registry.text.size}") String note) {
	}

	/** Moves a member into another household, ending the membership in the first one; both histories keep it. */
	public record MoveMember(@NotNull(message = "{registry.moveTarget.required}") Long toHouseholdId,
			@NotNull(message = "{registry.relation.required}") Relation relation) {
	}

	public record CloseHousehold(@NotNull(message = "{registry.closeReason.required}") CloseReason reason,
			@Size(max = 500, message = "{registry.text.size}") String note) {
	}

	/** The household is out of hardship (已脱困) from the date; the file stays, its members stay locked to it. */
	public record ExitHousehold(@NotNull(message = "{registry.exitDate.required}") LocalDate exitDate,
			@Size(max = 500, message = "{registry.text.size}") String note) {
	}

	public record ReopenHousehold(@Size(max = 500, message = "{registry.text.size}") String note) {
	}

	/**
	 * An administrator's status correction, approved by a second administrator (the exits module
	 * keeps the request and its four eyes): the status it should have, the exit date when that is
	 * EXITED, the required reason and the correction's number (kept in the history and the audit).
	 */
	public record CorrectStatus(@NotNull HouseholdStatus target, LocalDate exitDate,
			@NotBlank @Size(max = 500) String reason, long correctionId) {
	}

}
