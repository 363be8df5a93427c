package org.bangfu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.bangfu.support.Axe;
import org.bangfu.support.Browser;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first hour on the demo register, in a real Chromium: each demo user's pages (every kind of
 * page a link leads to from the home page) show 0 serious or critical axe-core findings (WCAG 2.1
 * A and AA), in Chinese and in English, on a desktop and on a 375 px phone.
 */
@IntegrationTest
class FirstHourBrowserTests extends DemoDatabaseTest {

	@LocalServerPort
	int port;

	/** Each page path once (numbers as ids, parameters ignored), opened as the first demo user whose links lead there. */
	private static Map<String, List<String>> pagesByUser;

	private synchronized Map<String, List<String>> pagesByUser() {
		if (pagesByUser != null) {
			return pagesByUser;
		}
		pagesByUser = new LinkedHashMap<>();
		java.util.Set<String> shapes = new java.util.HashSet<>();
		for (String login : DEMO_USERS) {
			List<String> mine = new ArrayList<>();
			for (String page : crawl(port, login).htmlPages()) {
				if (shapes.add(page.replaceAll("\\?.*", "").replaceAll("/\\d+(?=/|$)", "/{id}"))) {
					mine.add(page);
				}
			}
			pagesByUser.put(login, mine);
		}
		return pagesByUser;
	}

	/**
	 * Pages checked per user and combination: every user's first pages (the home page and the menu's
	 * pages, then the pages they link to) in Chinese on a desktop, fewer in English and on a phone
	 * (the header, the menu and the strings that change with the language or the width are shared).
	 * {@code -Dbangfu.a11y.pages=1000} checks every page a demo user reaches (about 4 minutes).
	 */
	private static final int PAGES = Integer.getInteger("bangfu.a11y.pages", 5);

	@Test
	void everyPageHasNoSeriousAccessibilityFinding() {
		Map<String, List<String>> found = new LinkedHashMap<>();
		found.putAll(findings(Browser::desktop, "zh_CN", PAGES));
		found.putAll(findings(Browser::desktop, "en", Math.max(2, PAGES / 3)));
		found.putAll(findings(Browser::phone, "zh_CN", Math.max(2, PAGES / 3)));
		found.putAll(findings(Browser::phone, "en", Math.max(2, PAGES / 3)));
		assertThat(found).as("serious or critical axe-core findings by page").isEmpty();
	}

	private Map<String, List<String>> findings(IntFunction<Browser> open, String lang, int pagesPerUser) {
		Map<String, List<String>> found = new LinkedHashMap<>();
		int pages = 0;
		// one browser for all users (a new session per user): starting Chromium costs more than a page
		try (Browser b = open.apply(port)) {
			for (Map.Entry<String, List<String>> user : pagesByUser().entrySet()) {
				if (user.getValue().isEmpty()) {
					continue;
				}
				b.driver().manage().deleteAllCookies();
				b.logIn(user.getKey(), PASSWORD).go("/?lang=" + lang);
				for (String page : user.getValue().subList(0, Math.min(pagesPerUser, user.getValue().size()))) {
					b.go(page);
					pages++;
					List<String> f = Axe.findings(b.driver());
					if (!f.isEmpty()) {
						found.put(lang + " " + pagesPerUser + " " + user.getKey() + " " + page, f);
					}
				}
			}
		}
		assertThat(pages).as("pages checked").isGreaterThan(DEMO_USERS.size());
		return found;
	}

}
