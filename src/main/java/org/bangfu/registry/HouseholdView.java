package org.bangfu.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.CloseReason;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.shared.Masking;
import org.bangfu.shared.Money;

/**
 * A household's file with its active members (head first), as it is now or as it stood on a date.
 * filedAt is null while the file is a draft; exitDate and exitNote are set while it is exited.
 */
public record HouseholdView(long id, long organisationId, String organisationName, String regionCode,
		String regionName, String fileNo, String address, HouseholdStatus status, CloseReason closeReason,
		String closeNote, LocalDate exitDate, String exitNote, Instant filedAt, HardshipCause mainCause, List<HardshipCause> secondaryCauses, List<Category> categories,
		HousingType housingType, BigDecimal floorArea, BigDecimal annualRent, int vehicles, BigDecimal savings,
		String business, String bankName, String bankAccountMasked, String phone, String remarks, int version,
		Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, List<MemberView> members) {

	public Optional<MemberView> head() {
		return members.stream().filter(MemberView::head).findFirst();
	}

	public String headName() {
		return head().map(MemberView::name).orElse("");
	}

	public Optional<MemberView> member(long memberId) {
		return members.stream().filter(m -> m.id() == memberId).findFirst();
	}

	public HouseholdFigures figures(LocalDate on) {
		return HouseholdFigures.of(this, on);
	}

	/**
	 * The file as the roles may see it: whole for roles that may reveal ID numbers
	 * ({@link HouseholdRegistry#mayReveal}); for every other role phones masked, diseases and kinds
	 * of disability left out, as in exports (one masking rule per role for every surface: the
	 * household pages and API, the pairing ledger, the change data of cases).
	 */
	public HouseholdView forRoles(java.util.Set<org.bangfu.shared.Role> roles) {
		if (HouseholdRegistry.mayReveal(roles)) {
			return this;
		}
		return new HouseholdView(id, organisationId, organisationName, regionCode, regionName, fileNo, address, status,
				closeReason, closeNote, exitDate, exitNote, filedAt, mainCause, secondaryCauses, categories, housingType,
				floorArea, annualRent, vehicles, savings, business, bankName, bankAccountMasked, Masking.phone(phone), remarks,
				version, createdAt, createdBy, updatedAt, updatedBy, members.stream().map(MemberView::masked).toList());
	}

	public String phoneMasked() {
		return Masking.phone(phone);
	}

	public Money annualRentMoney() {
		return Money.of(annualRent);
	}

	public Money savingsMoney() {
		return Money.of(savings);
	}

	public boolean closed() {
		return status == HouseholdStatus.CLOSED;
	}

	public boolean draft() {
		return status == HouseholdStatus.DRAFT;
	}

	public boolean exited() {
		return status == HouseholdStatus.EXITED;
	}

}
