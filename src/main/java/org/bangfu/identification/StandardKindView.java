package org.bangfu.identification;

import java.util.Locale;

/** A kind of standard: built-in (dibao lines, poverty line …) or a named custom figure. */
public record StandardKindView(String code, StandardBasis basis, boolean builtin, String nameZh, String nameEn) {

	public String name(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}

}
