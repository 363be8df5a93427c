package org.bangfu.reporting.web;

import java.util.List;
import java.util.Locale;

import org.bangfu.reporting.Dashboard.Bar;
import org.bangfu.reporting.Dashboards;
import org.bangfu.reporting.Reminders;
import org.bangfu.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard page of the caller's subtree (charts drawn by ECharts from the same rows as their tables) and the home-page reminders. */
@Controller
class DashboardController {

	private final Dashboards dashboards;

	private final Reminders reminders;

	DashboardController(Dashboards dashboards, Reminders reminders) {
		this.dashboards = dashboards;
		this.reminders = reminders;
	}

	@GetMapping("/dashboards")
	@PreAuthorize(ReportingRoles.READ)
	String dashboard(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region, Model model,
			Locale locale) {
		var d = dashboards.of(Actor.require().scope(), year, region, locale);
		model.addAttribute("d", d);
		model.addAttribute("charts", List.of(chart("region", d.byRegion()), chart("category", d.byCategory()),
				chart("cause", d.byCause()), chart("status", d.byStatus())));
		return "reporting/dashboard";
	}

	/** The reminders of the caller's organisation, as a fragment the home page loads. */
	@GetMapping("/reporting/notifications")
	String notifications(Model model, Locale locale) {
		model.addAttribute("notifications", Actor.current().map(a -> reminders.of(a, locale)).orElse(List.of()));
		return "reporting/notifications :: list";
	}

	/** A chart's bars and the same numbers as JSON for the script that draws it. */
	record Chart(String id, List<Bar> bars, String labels, String values) {
	}

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	private static Chart chart(String id, List<Bar> bars) {
		return new Chart(id, bars, JSON.writeValueAsString(bars.stream().map(Bar::label).toList()),
				JSON.writeValueAsString(bars.stream().map(Bar::value).toList()));
	}

}
