package org.bangfu.programs.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.programs.BankLayout;
import org.bangfu.programs.BankLayoutPreview;
import org.bangfu.programs.BankLayouts;
import org.bangfu.shared.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bank-layouts")
@Tag(name = "Bank layouts", description = "Each bank's payment and return file layout, configured as data")
class BankLayoutRestController {

	private final BankLayouts layouts;

	BankLayoutRestController(BankLayouts layouts) {
		this.layouts = layouts;
	}

	/** A sample file in a layout: its lines split into fields and (text layouts) the text as written. */
	record PreviewResource(List<List<String>> rows, String text) {
	}

	@GetMapping
	@PreAuthorize(BankBatchRestController.READ)
	@Operation(summary = "Layouts the caller may use: the built-in default first, then their organisations' and those above")
	List<BankLayout> list() {
		return layouts.usable(Actor.require().scope());
	}

	@GetMapping("/{id}")
	@PreAuthorize(BankBatchRestController.READ)
	@Operation(summary = "One layout")
	BankLayout one(@PathVariable long id) {
		return layouts.require(Actor.require().scope(), id);
	}

	@PostMapping
	@PreAuthorize(BankBatchRestController.WRITE)
	@Operation(summary = "Create a layout for one of the caller's organisations (201)",
			description = "Columns by name (BankColumn); summary needs BATCH_NO, TOTAL_COUNT, TOTAL_AMOUNT; detail needs SEQ, "
					+ "PAYEE_NAME, ACCOUNT, AMOUNT; return detail also RESULT; idTypeCodes must give RESIDENT_ID.")
	ResponseEntity<BankLayout> create(@RequestBody BankLayout layout) {
		BankLayout created = layouts.create(Actor.require().scope(), layout);
		return ResponseEntity.created(URI.create("/api/v1/bank-layouts/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@PreAuthorize(BankBatchRestController.WRITE)
	@Operation(summary = "Change a layout of the caller's organisations (never the built-in one); issued batches keep theirs")
	BankLayout update(@PathVariable long id, @RequestBody BankLayout layout) {
		return layouts.update(Actor.require().scope(), id, layout);
	}

	@GetMapping("/{id}/preview")
	@PreAuthorize(BankBatchRestController.READ)
	@Operation(summary = "A sample payment file in the layout (made-up data of the format document's example)")
	PreviewResource preview(@PathVariable long id) {
		BankLayoutPreview p = layouts.preview(layouts.require(Actor.require().scope(), id));
		return new PreviewResource(p.rows(), p.text());
	}

}
