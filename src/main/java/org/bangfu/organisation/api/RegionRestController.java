package org.bangfu.organisation.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.organisation.RegionView;
import org.bangfu.organisation.Regions;
import org.bangfu.shared.BangfuException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Statistical division codes (GB/T 2260, 统计用区划代码): 2, 4, 6, 9 or 12 digits are accepted. */
@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "Regions", description = "Region codes: provinces, children for cascades, lineage for breadcrumbs. "
		+ "A malformed code answers 400, an unknown one 404.")
class RegionRestController {

	private final Regions regions;

	RegionRestController(Regions regions) {
		this.regions = regions;
	}

	@GetMapping
	@Operation(summary = "The children of a region, or the provinces when no parent is given")
	List<RegionView> children(
			@Parameter(description = "Parent code, e.g. 420102") @RequestParam(required = false) String parent) {
		if (parent == null || parent.isBlank()) {
			return regions.children(null);
		}
		return regions.children(require(parent).code());
	}

	@GetMapping("/{code}")
	@Operation(summary = "One region", responses = { @ApiResponse(responseCode = "200"),
			@ApiResponse(responseCode = "400", description = "Malformed code"),
			@ApiResponse(responseCode = "404", description = "Unknown code") })
	RegionView get(@PathVariable String code) {
		return require(code);
	}

	@GetMapping("/{code}/lineage")
	@Operation(summary = "The region and its ancestors, from the province down")
	List<RegionView> lineage(@PathVariable String code) {
		return regions.lineage(require(code).code());
	}

	private RegionView require(String code) {
		Regions.normalise(code);
		return regions.find(code).orElseThrow(() -> BangfuException.notFound("region.code.unknown", code));
	}

}
