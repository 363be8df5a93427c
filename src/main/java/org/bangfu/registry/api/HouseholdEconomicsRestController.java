package org.bangfu.registry.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.bangfu.registry.economics.EconomicsCommands.RecordAsset;
import org.bangfu.registry.economics.EconomicsCommands.RecordIncome;
import org.bangfu.registry.economics.EconomicsCommands.RecordSpending;
import org.bangfu.registry.economics.EconomicsCommands.RecordSuddenCost;
import org.bangfu.registry.economics.EconomicsViews.AssetView;
import org.bangfu.registry.economics.EconomicsViews.IncomeItemView;
import org.bangfu.registry.economics.EconomicsViews.MonthIncome;
import org.bangfu.registry.economics.EconomicsViews.Records;
import org.bangfu.registry.economics.EconomicsViews.SpendingView;
import org.bangfu.registry.economics.EconomicsViews.SuddenCostView;
import org.bangfu.registry.economics.EconomicsVocabulary.Area;
import org.bangfu.registry.economics.HouseholdEconomics;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/households/{id}")
@Tag(name = "Household economics", description = "Income by month or year, essential spending by year, sudden costs and assets "
		+ "of a household (kept over time: a correction or deletion retires the old record, the as-of view still shows it)")
class HouseholdEconomicsRestController {

	private final HouseholdEconomics economics;

	private final BusinessClock clock;

	HouseholdEconomicsRestController(HouseholdEconomics economics, BusinessClock clock) {
		this.economics = economics;
		this.clock = clock;
	}

	@GetMapping("/economics")
	@PreAuthorize(HouseholdRestController.READ)
	@Operation(summary = "Everything recorded (audited as a view); with asOf, as it stood at the end of that date")
	Records all(@PathVariable long id, @Parameter(description = "yyyy-MM-dd") @RequestParam(required = false)
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return asOf == null ? economics.records(scope(), id) : economics.asOf(scope(), id, asOf);
	}

	@GetMapping("/income")
	@PreAuthorize(HouseholdRestController.READ)
	@Operation(summary = "The members' income items, each for a month or a calendar year, amounts as entered")
	List<IncomeItemView> income(@PathVariable long id, @Parameter(description = "yyyy-MM-dd") @RequestParam(required = false)
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return all(id, asOf).income();
	}

	@GetMapping("/income/months")
	@PreAuthorize(HouseholdRestController.READ)
	@Operation(summary = "The household's income by month, oldest first, each with its shares",
			description = "A monthly item counts in its month; a yearly item counts amount ÷ 12 in each month of its year "
					+ "(shares carry the entered amount and the period, e.g. YEAR 25000.00 → 2083.3333333333 per month). "
					+ "`amount` is exact to 10 decimals; nothing is rounded or stored.")
	List<MonthIncome> months(@PathVariable long id,
			@Parameter(description = "the last month, yyyy-MM (default: this month)") @RequestParam(required = false) YearMonth end,
			@Parameter(description = "how many months, 1–120 (default 12)") @RequestParam(defaultValue = "12") int months) {
		return economics.incomeByMonth(scope(), id, end == null ? YearMonth.from(clock.today()) : end, months);
	}

	@PostMapping("/income")
	@PreAuthorize(HouseholdRestController.WRITE)
	@Operation(summary = "Record a member's income item for a month (year + month) or a year (month omitted)")
	ResponseEntity<Map<String, Long>> addIncome(@PathVariable long id, @Valid @RequestBody RecordIncome cmd) {
		return created(id, Area.INCOME, economics.recordIncome(scope(), id, cmd));
	}

	@PutMapping("/income/{itemId}")
	@PreAuthorize(HouseholdRestController.WRITE)
	@Operation(summary = "Correct an income item (the old one is retired; answers the new id)")
	Map<String, Long> correctIncome(@PathVariable long id, @PathVariable long itemId, @Valid @RequestBody RecordIncome cmd) {
		return Map.of("id", economics.correctIncome(scope(), id, itemId, cmd));
	}

	@GetMapping("/spending")
	@PreAuthorize(HouseholdRestController.READ)
	@Operation(summary = "Essential spending by year: medical out of pocket, schooling, rent, care for disability, other")
	List<SpendingView> spending(@PathVariable long id, @Parameter(description = "yyyy-MM-dd") @RequestParam(required = false)
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return all(id, asOf).spending();
	}

	@PostMapping("/spending")
	@PreAuthorize(HouseholdRestController.WRITE)
	@Operation(summary = "Record essential spending of a year (several records of a kind add up)")
	ResponseEntity<Map<String, Long>> addSpending(@PathVariable long id, @Valid @RequestBody RecordSpending cmd) {
		return created(id, Area.SPENDING, economics.recordSpending(scope(), id, cmd));
	}

	@PutMapping("/spending/{itemId}")
	@PreAuthorize(HouseholdRestController.WRITE)
	@Operation(summary = "Correct a spending record (answers the new id)")
	Map<String, Long> correctSpending(@PathVariable long id, @PathVariable long itemId, @Valid @RequestBody RecordSpending cmd) {
		return Map.of("id", economics.correctSpending(scope(), id, itemId, cmd));
	}

	@GetMapping("/sudden-costs")
	@PreAuthorize(HouseholdRestController.READ)
	@Operation(summary = "Accidents, disasters and sudden major illness: date, cost and what insurance or others covered")
	List<SuddenCostView> suddenCosts(@PathVariable long id, @Parameter(description = "yyyy-MM-dd") @RequestParam(required = false)
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return all(id, asOf).suddenCosts();
	}

	@PostMapping("/sudden-costs")
	@PreAuthorize(HouseholdRestController.WRITE)
	@Operation(summary = "Record a sudden cost (covered ≤ amount, not in the future)")
	ResponseEntity<Map<String, Long>> addSuddenCost(@PathVariable long id, @Valid @RequestBody RecordSuddenCost cmd) {
		return created(id, Area.SUDDEN_COST, economics.recordSuddenCost(scope(), id, cmd));
	}

	@PutMapping("/sudden-costs/{itemId}")
	@PreAuthorize(HouseholdRestController.WRITE)
	@Operation(summary = "Correct a sudden cost (answers the new id)")
	Map<String, Long> correctSuddenCost(@PathVariable long id, @PathVariable long itemId,
			@Valid @RequestBody RecordSuddenCost cmd) {
		return Map.of("id", economics.correctSuddenCost(scope(), id, itemId, cmd));
	}

	@GetMapping("/assets")
	@PreAuthorize(HouseholdRestController.READ)
	@Operation(summary = "Assets as plans test them: vehicles, savings, further homes, registered businesses, ruling-out purchases")
	List<AssetView> assets(@PathVariable long id, @Parameter(description = "yyyy-MM-dd") @RequestParam(required = false)
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return all(id, asOf).assets();
	}

	@PostMapping("/assets")
	@PreAuthorize(HouseholdRestController.WRITE)
	@Operation(summary = "Record an asset as of a date (vehicleKind for vehicles only; value needed for vehicles and savings)")
	ResponseEntity<Map<String, Long>> addAsset(@PathVariable long id, @Valid @RequestBody RecordAsset cmd) {
		return created(id, Area.ASSET, economics.recordAsset(scope(), id, cmd));
	}

	@PutMapping("/assets/{itemId}")
	@PreAuthorize(HouseholdRestController.WRITE)
	@Operation(summary = "Correct an asset (answers the new id)")
	Map<String, Long> correctAsset(@PathVariable long id, @PathVariable long itemId, @Valid @RequestBody RecordAsset cmd) {
		return Map.of("id", economics.correctAsset(scope(), id, itemId, cmd));
	}

	@DeleteMapping("/{area:income|spending|sudden-costs|assets}/{itemId}")
	@PreAuthorize(HouseholdRestController.WRITE)
	@Operation(summary = "Delete a record (retired: the history and the as-of view keep it)")
	ResponseEntity<Void> delete(@PathVariable long id, @PathVariable String area, @PathVariable long itemId) {
		economics.delete(scope(), id, area(area), itemId);
		return ResponseEntity.noContent().build();
	}

	static Area area(String path) {
		for (Area a : Area.values()) {
			if (a.path().equals(path)) {
				return a;
			}
		}
		throw BangfuException.notFound("registry.economics.notFound", path);
	}

	private static ResponseEntity<Map<String, Long>> created(long id, Area area, long itemId) {
		return ResponseEntity.created(URI.create("/api/v1/households/" + id + "/" + area.path() + "/" + itemId))
			.body(Map.of("id", itemId));
	}

	private static Scope scope() {
		return Actor.require().scope();
	}

}
