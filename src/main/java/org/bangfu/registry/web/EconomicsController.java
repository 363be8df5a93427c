package org.bangfu.registry.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.economics.EconomicsViews.MonthIncome;
import org.bangfu.registry.economics.EconomicsViews.Records;
import org.bangfu.registry.economics.EconomicsViews.SpendingView;
import org.bangfu.registry.economics.EconomicsVocabulary;
import org.bangfu.registry.economics.EconomicsVocabulary.Area;
import org.bangfu.registry.economics.EconomicsVocabulary.SpendingKind;
import org.bangfu.registry.economics.HouseholdEconomics;
import org.bangfu.registry.web.EconomicsForms.AssetForm;
import org.bangfu.registry.web.EconomicsForms.CostForm;
import org.bangfu.registry.web.EconomicsForms.IncomeForm;
import org.bangfu.registry.web.EconomicsForms.SpendingForm;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Money;
import org.bangfu.shared.Scope;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The household's economics page: the last 12 months of income (chart and the table behind it),
 * this year's spending, sudden costs and assets, with forms to add, correct and delete
 * (post/redirect/get; errors next to their field; nothing written when anything is wrong).
 */
@Controller
class EconomicsController {

	private final HouseholdRegistry registry;

	private final HouseholdEconomics economics;

	private final FormErrors forms;

	private final PageMessages messages;

	EconomicsController(HouseholdRegistry registry, HouseholdEconomics economics, FormErrors forms, PageMessages messages) {
		this.registry = registry;
		this.economics = economics;
		this.forms = forms;
		this.messages = messages;
	}

	@GetMapping("/households/{id}/economics")
	@PreAuthorize(HouseholdController.READ)
	String page(@PathVariable long id, @RequestParam(required = false) String edit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model) {
		return render(id, edit, asOf, model);
	}

	@PostMapping("/households/{id}/economics/income")
	@PreAuthorize(HouseholdController.WRITE)
	String income(@PathVariable long id, @ModelAttribute("incomeForm") IncomeForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		return save(id, errors, model, redirect, () -> {
			var cmd = form.toCommand();
			forms.validate(cmd, errors, p -> p);
			return errors.hasErrors() ? null : form.getReplaces() == null ? economics.recordIncome(scope(), id, cmd)
					: economics.correctIncome(scope(), id, form.getReplaces(), cmd);
		});
	}

	@PostMapping("/households/{id}/economics/spending")
	@PreAuthorize(HouseholdController.WRITE)
	String spending(@PathVariable long id, @ModelAttribute("spendingForm") SpendingForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		return save(id, errors, model, redirect, () -> {
			var cmd = form.toCommand();
			forms.validate(cmd, errors, p -> p);
			return errors.hasErrors() ? null : form.getReplaces() == null ? economics.recordSpending(scope(), id, cmd)
					: economics.correctSpending(scope(), id, form.getReplaces(), cmd);
		});
	}

	@PostMapping("/households/{id}/economics/sudden-costs")
	@PreAuthorize(HouseholdController.WRITE)
	String suddenCost(@PathVariable long id, @ModelAttribute("costForm") CostForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		return save(id, errors, model, redirect, () -> {
			var cmd = form.toCommand();
			forms.validate(cmd, errors, p -> p);
			return errors.hasErrors() ? null : form.getReplaces() == null ? economics.recordSuddenCost(scope(), id, cmd)
					: economics.correctSuddenCost(scope(), id, form.getReplaces(), cmd);
		});
	}

	@PostMapping("/households/{id}/economics/assets")
	@PreAuthorize(HouseholdController.WRITE)
	String asset(@PathVariable long id, @ModelAttribute("assetForm") AssetForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		return save(id, errors, model, redirect, () -> {
			var cmd = form.toCommand();
			forms.validate(cmd, errors, p -> p);
			return errors.hasErrors() ? null : form.getReplaces() == null ? economics.recordAsset(scope(), id, cmd)
					: economics.correctAsset(scope(), id, form.getReplaces(), cmd);
		});
	}

	@PostMapping("/households/{id}/economics/{area}/{itemId}/delete")
	@PreAuthorize(HouseholdController.WRITE)
	String delete(@PathVariable long id, @PathVariable String area, @PathVariable long itemId, RedirectAttributes redirect) {
		try {
			Area a = java.util.Arrays.stream(Area.values()).filter(x -> x.path().equals(area)).findFirst()
				.orElseThrow(() -> BangfuException.notFound("registry.economics.notFound", itemId));
			economics.delete(scope(), id, a, itemId);
			redirect.addFlashAttribute("message", messages.get("registry.economics.deleted"));
		}
		catch (BangfuException ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/households/" + id + "/economics";
	}

	private String save(long id, BindingResult errors, Model model, RedirectAttributes redirect, Supplier<Long> write) {
		HouseholdController.inScope(registry, id);
		try {
			if (write.get() != null) {
				redirect.addFlashAttribute("message", messages.get("registry.economics.saved"));
				return "redirect:/households/" + id + "/economics";
			}
		}
		catch (BangfuException ex) {
			forms.reject(errors, ex, "");
		}
		return render(id, null, null, model);
	}

	private String render(long id, String edit, LocalDate asOf, Model model) {
		HouseholdView h = HouseholdController.inScope(registry, id);
		LocalDate today = registry.today();
		Records r = asOf == null ? economics.records(scope(), id) : economics.asOf(scope(), id, asOf);
		LocalDate on = asOf == null ? today : asOf;
		List<MonthIncome> months = asOf == null ? economics.incomeByMonth(scope(), id, YearMonth.from(on), 12)
				: economics.incomeByMonthAsOf(scope(), id, asOf, 12);
		model.addAttribute("h", h);
		model.addAttribute("today", today);
		model.addAttribute("asOf", asOf);
		model.addAttribute("rec", r);
		model.addAttribute("months", months);
		model.addAttribute("total12", new Money(months.stream().map(MonthIncome::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(2, java.math.RoundingMode.HALF_UP)));
		model.addAttribute("chart", IncomeChart.of(months));
		model.addAttribute("year", on.getYear());
		Map<String, Money> spent = new java.util.LinkedHashMap<>();
		for (SpendingKind k : SpendingKind.values()) {
			spent.put(k.name(), Money.ZERO);
		}
		Money total = Money.ZERO;
		for (SpendingView s : r.spending()) {
			if (s.year() == on.getYear()) {
				spent.merge(s.kind().name(), s.amountMoney(), Money::plus);
				total = total.plus(s.amountMoney());
			}
		}
		model.addAttribute("spent", spent);
		model.addAttribute("spentTotal", total);
		forms(model, edit, r, today);
		model.addAttribute("incomeKinds", EconomicsVocabulary.IncomeKind.values());
		model.addAttribute("periods", EconomicsVocabulary.Period.values());
		model.addAttribute("sources", EconomicsVocabulary.Source.values());
		model.addAttribute("spendingKinds", SpendingKind.values());
		model.addAttribute("costKinds", EconomicsVocabulary.SuddenCostKind.values());
		model.addAttribute("assetKinds", EconomicsVocabulary.AssetKind.values());
		model.addAttribute("vehicleKinds", EconomicsVocabulary.VehicleKind.values());
		return "registry/economics";
	}

	/** The forms: those bound to a failed post stay; "edit=area:id" fills one with the record to correct. */
	private static void forms(Model model, String edit, Records r, LocalDate today) {
		String area = edit == null ? "" : edit.replaceFirst(":.*", "");
		long itemId = edit == null || !edit.matches("[a-z-]+:\\d+") ? -1 : Long.parseLong(edit.replaceFirst(".*:", ""));
		if (!model.containsAttribute("incomeForm")) {
			IncomeForm f = r.income().stream().filter(i -> area.equals("income") && i.id() == itemId).findFirst()
				.map(IncomeForm::of).orElseGet(IncomeForm::new);
			if (f.getYear() == null) {
				f.setYear(Integer.toString(today.getYear()));
				f.setMonth(Integer.toString(today.getMonthValue()));
			}
			model.addAttribute("incomeForm", f);
		}
		if (!model.containsAttribute("spendingForm")) {
			SpendingForm f = r.spending().stream().filter(i -> area.equals("spending") && i.id() == itemId).findFirst()
				.map(SpendingForm::of).orElseGet(SpendingForm::new);
			if (f.getYear() == null) {
				f.setYear(Integer.toString(today.getYear()));
			}
			model.addAttribute("spendingForm", f);
		}
		if (!model.containsAttribute("costForm")) {
			model.addAttribute("costForm", r.suddenCosts().stream().filter(i -> area.equals("sudden-costs") && i.id() == itemId)
				.findFirst().map(CostForm::of).orElseGet(CostForm::new));
		}
		if (!model.containsAttribute("assetForm")) {
			AssetForm f = r.assets().stream().filter(i -> area.equals("assets") && i.id() == itemId).findFirst()
				.map(AssetForm::of).orElseGet(AssetForm::new);
			if (f.getAsOf() == null) {
				f.setAsOf(today.toString());
			}
			model.addAttribute("assetForm", f);
		}
		model.addAttribute("editing", edit == null ? "" : area);
	}

	private static Scope scope() {
		return Actor.require().scope();
	}

}
