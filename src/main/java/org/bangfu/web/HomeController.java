package org.bangfu.web;

import java.util.Locale;
import java.util.stream.Collectors;

import org.bangfu.identity.BangfuUser;
import org.bangfu.identity.Users;
import org.bangfu.organisation.Organisations;
import org.bangfu.organisation.Regions;
import org.bangfu.pairing.Pairings;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.shared.Scope;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final Organisations organisations;

	private final Users users;

	private final Jobs jobs;

	private final Regions regions;

	private final MessageSource messages;

	private final Pairings pairings;

	HomeController(Organisations organisations, Users users, Jobs jobs, Regions regions, MessageSource messages,
			Pairings pairings) {
		this.pairings = pairings;
		this.organisations = organisations;
		this.users = users;
		this.jobs = jobs;
		this.regions = regions;
		this.messages = messages;
	}

	record Counts(long organisations, long users, long jobs, String regions, long unpaired) {
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal BangfuUser actor, Model model, Locale locale) {
		if (actor.roles().equals(java.util.Set.of(org.bangfu.shared.Role.PAIRING_CADRE))) {
			// a pairing cadre's home is the list of their households (我的帮扶户), at the same address
			model.addAttribute("mustChangePassword", users.mustChangePassword(actor.userId()));
			return "forward:/visits/mine";
		}
		model.addAttribute("actor", actor);
		model.addAttribute("roleNames", actor.roles()
			.stream()
			.map(r -> messages.getMessage(r.messageKey(), null, locale))
			.collect(Collectors.joining("、")));
		model.addAttribute("mustChangePassword", users.mustChangePassword(actor.userId()));
		model.addAttribute("counts", counts(actor.scope()));
		return "home";
	}

	@GetMapping("/home/counts")
	String counts(@AuthenticationPrincipal BangfuUser actor, Model model) {
		model.addAttribute("counts", counts(actor.scope()));
		return "home :: counts";
	}

	private Counts counts(Scope scope) {
		return new Counts(organisations.countActive(scope), users.count(scope), jobs.countRunning(scope),
				regions.count(4) + " / " + regions.count(5), pairings.countUnpaired(scope));
	}

}
