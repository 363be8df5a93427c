package org.bangfu.organisation.web;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.organisation.RegionView;
import org.bangfu.organisation.Regions;
import org.springframework.stereotype.Component;

/**
 * What the cascade picker ({@code fragments/region-picker :: picker}) shows for a chosen code:
 * one select per level from the province down to the chosen region's children (at most
 * {@code maxLevel}), each with its choices and the chosen one. Templates call it as
 * {@code @regionPicker}.
 */
@Component("regionPicker")
public class RegionPicker {

	static final List<String> LABELS = List.of("region.picker.province", "region.picker.city", "region.picker.county",
			"region.picker.township", "region.picker.village");

	private final Regions regions;

	RegionPicker(Regions regions) {
		this.regions = regions;
	}

	/** One select: its level (1–5), label key, value of "choose" (the parent's code), options, chosen code. */
	public record Level(int level, String labelKey, String noChoice, List<RegionView> options, String chosen) {
	}

	/** The picker's state: the deepest chosen code (or "") and the selects to show. */
	public record State(String code, int maxLevel, List<Level> levels) {
	}

	public State state(String value, Integer maxLevel) {
		int max = maxLevel == null ? 5 : Math.max(1, Math.min(5, maxLevel));
		List<RegionView> lineage = value == null || value.isBlank() ? List.of()
				: regions.lineage(value).stream().filter(r -> r.level() <= max).toList();
		List<Level> levels = new ArrayList<>();
		levels.add(new Level(1, LABELS.get(0), "", regions.children(null), chosen(lineage, 0)));
		for (int i = 0; i < lineage.size(); i++) {
			RegionView region = lineage.get(i);
			if (region.level() >= max) {
				break;
			}
			List<RegionView> children = regions.children(region.code());
			if (children.isEmpty()) {
				break;
			}
			levels.add(new Level(region.level() + 1, LABELS.get(region.level()), region.code(), children,
					chosen(lineage, i + 1)));
		}
		String code = lineage.isEmpty() ? "" : lineage.get(lineage.size() - 1).code();
		return new State(code, max, levels);
	}

	private static String chosen(List<RegionView> lineage, int index) {
		return index < lineage.size() ? lineage.get(index).code() : "";
	}

}
