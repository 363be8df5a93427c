package org.bangfu.organisation.web;

import java.util.List;

import org.bangfu.organisation.RegionView;
import org.bangfu.organisation.Regions;
import org.bangfu.shared.BangfuException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The region browser (provinces, drill down, search) and the cascade picker's partial updates. */
@Controller
class RegionController {

	private final Regions regions;

	RegionController(Regions regions) {
		this.regions = regions;
	}

	@GetMapping("/regions")
	String browse(@RequestParam(required = false) String parent, @RequestParam(required = false) String q,
			Model model) {
		List<RegionView> lineage = List.of();
		List<RegionView> list;
		if (q != null && !q.isBlank()) {
			list = regions.search(q.trim());
			model.addAttribute("q", q.trim());
		}
		else if (parent != null && !parent.isBlank()) {
			Regions.normalise(parent);
			RegionView region = regions.find(parent)
				.orElseThrow(() -> BangfuException.notFound("region.code.unknown", parent));
			lineage = regions.lineage(region.code());
			list = regions.children(region.code());
			model.addAttribute("current", region);
		}
		else {
			list = regions.children(null);
		}
		model.addAttribute("mayImportVillages", VillageImportController.mayImport());
		model.addAttribute("lineage", lineage);
		model.addAttribute("regions", list);
		return "regions/browse";
	}

	/** The picker again, for the chosen code: htmx swaps it in place of the old one. */
	@GetMapping("/regions/picker")
	String picker(@RequestParam String name, @RequestParam(required = false) String code,
			@RequestParam(defaultValue = "5") int level, Model model) {
		if (!name.matches("[A-Za-z][A-Za-z0-9_.]{0,60}")) {
			throw BangfuException.badField("name", "error.malformed");
		}
		model.addAttribute("name", name);
		model.addAttribute("value", code == null ? "" : code);
		model.addAttribute("maxLevel", level);
		return "regions/picker";
	}

}
