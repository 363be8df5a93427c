package org.bangfu.pairing;

import java.util.EnumMap;
import java.util.Map;

import org.bangfu.pairing.PairingVocabulary.Indicator;

/**
 * The plan-7 checklist of one visit ("一超两不愁三保障三有"): for each indicator TRUE (met),
 * FALSE (not met) or null (not checked on this visit).
 */
public record Checklist(Boolean incomeAboveLine, Boolean food, Boolean clothing, Boolean housingSafe,
		Boolean medicalCover, Boolean noDropout, Boolean safeWater, Boolean electricity, Boolean radioTv) {

	public static Checklist empty() {
		return new Checklist(null, null, null, null, null, null, null, null, null);
	}

	public static Checklist of(Map<Indicator, Boolean> values) {
		return new Checklist(values.get(Indicator.INCOME_ABOVE_LINE), values.get(Indicator.FOOD),
				values.get(Indicator.CLOTHING), values.get(Indicator.HOUSING_SAFE), values.get(Indicator.MEDICAL_COVER),
				values.get(Indicator.NO_DROPOUT), values.get(Indicator.SAFE_WATER), values.get(Indicator.ELECTRICITY),
				values.get(Indicator.RADIO_TV));
	}

	public Boolean get(Indicator indicator) {
		return switch (indicator) {
			case INCOME_ABOVE_LINE -> incomeAboveLine;
			case FOOD -> food;
			case CLOTHING -> clothing;
			case HOUSING_SAFE -> housingSafe;
			case MEDICAL_COVER -> medicalCover;
			case NO_DROPOUT -> noDropout;
			case SAFE_WATER -> safeWater;
			case ELECTRICITY -> electricity;
			case RADIO_TV -> radioTv;
		};
	}

	public Map<Indicator, Boolean> asMap() {
		Map<Indicator, Boolean> m = new EnumMap<>(Indicator.class);
		for (Indicator i : Indicator.values()) {
			m.put(i, get(i));
		}
		return m;
	}

	public boolean anyChecked() {
		return asMap().values().stream().anyMatch(v -> v != null);
	}

	/** Met when every indicator was checked and met. */
	public boolean allMet() {
		return asMap().values().stream().allMatch(Boolean.TRUE::equals);
	}

}
