package org.bangfu.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque Systems, MPL-2.0, shipped as a static file in the tests' resources, no npm at
 * build time) run on the page a real browser shows: the WCAG 2.1 A and AA rules, serious and
 * critical findings only, each as "rule: element — what fails".
 */
public final class Axe {

	private static final String SOURCE = load();

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
			                    resultTypes: ['violations'] })
			  .then(r => done(r.violations
			      .filter(v => v.impact === 'serious' || v.impact === 'critical')
			      .flatMap(v => v.nodes.slice(0, 3).map(n => v.id + ': ' + n.target.join(' ') + ' — '
			          + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 220)))))
			  .catch(e => done(['axe failed: ' + e]));
			""";

	private Axe() {
	}

	/** The serious and critical accessibility findings on the page the driver shows now. */
	@SuppressWarnings("unchecked")
	public static List<String> findings(WebDriver driver) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
			js.executeScript(SOURCE);
		}
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		return (List<String>) js.executeAsyncScript(RUN);
	}

	private static String load() {
		try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
