package org.bangfu.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.bangfu.shared.BusinessClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Language (Chinese first, English selectable with ?lang=en) and the business clock. */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	@Bean
	BusinessClock businessClock() {
		return BusinessClock.system();
	}

	@Bean
	LocaleResolver localeResolver() {
		return new BangfuLocaleResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
		lang.setParamName("lang");
		lang.setIgnoreInvalidLocale(true);
		registry.addInterceptor(lang);
	}

	/**
	 * A chosen language is kept in a cookie. Pages default to Chinese; API callers without the
	 * cookie get the language of their Accept-Language header (Chinese when none matches).
	 */
	static final class BangfuLocaleResolver implements LocaleResolver {

		static final String COOKIE = "BANGFU_LANG";

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			if (request.getAttribute(COOKIE) instanceof Locale chosen) {
				return chosen;
			}
			if (request.getCookies() != null) {
				for (Cookie c : request.getCookies()) {
					if (COOKIE.equals(c.getName())) {
						return supported(Locale.forLanguageTag(c.getValue()));
					}
				}
			}
			String header = request.getHeader("Accept-Language");
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") && header != null
					&& !header.isBlank()) {
				try {
					List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
					Locale match = Locale.lookup(ranges, List.of(Locale.forLanguageTag("zh"), Locale.ENGLISH));
					if (match != null) {
						return supported(match);
					}
				}
				catch (IllegalArgumentException ex) {
					// malformed header: default
				}
			}
			return Locale.SIMPLIFIED_CHINESE;
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			Locale chosen = supported(locale == null ? Locale.SIMPLIFIED_CHINESE : locale);
			request.setAttribute(COOKIE, chosen);
			Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
			cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
			cookie.setMaxAge(365 * 24 * 3600);
			cookie.setHttpOnly(true);
			response.addCookie(cookie);
		}

		private static Locale supported(Locale locale) {
			return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		}

	}

}
