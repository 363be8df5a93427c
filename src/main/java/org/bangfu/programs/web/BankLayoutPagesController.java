package org.bangfu.programs.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.organisation.Organisations;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.programs.BankColumn;
import org.bangfu.programs.BankLayout;
import org.bangfu.programs.BankLayoutPreview;
import org.bangfu.programs.BankLayouts;
import org.bangfu.programs.PaymentIdType;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Scope;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bank layouts: the list, a form to create or change one (columns by name, in order), and a preview
 * of a sample file in the layout, shown before saving and downloadable to send to the bank.
 */
@Controller
class BankLayoutPagesController {

	private final BankLayouts layouts;

	private final Organisations organisations;

	private final PageMessages messages;

	BankLayoutPagesController(BankLayouts layouts, Organisations organisations, PageMessages messages) {
		this.layouts = layouts;
		this.organisations = organisations;
		this.messages = messages;
	}

	/** The layout form as typed: enums by name, column lists and ID type codes as comma-separated text. */
	record LayoutForm(Long organisationId, String name, String bankCode, String encoding, String separator,
			String lineEnd, String amountUnit, String summaryPosition, String fileType, String summaryColumns,
			String detailColumns, String returnSummaryColumns, String returnDetailColumns, String idTypeCodes) {

		static LayoutForm of(BankLayout l, Long organisationId) {
			return new LayoutForm(organisationId, l.name(), l.bankCode(), l.encoding().name(), l.separator(),
					l.lineEnd().name(), l.amountUnit().name(), l.summaryPosition().name(), l.fileType().name(),
					text(l.summaryColumns()), text(l.detailColumns()), text(l.returnSummaryColumns()),
					text(l.returnDetailColumns()), codes(l.idTypeCodes()));
		}

		BankLayout toLayout() {
			return new BankLayout(null, organisationId, name, bankCode, option(BankLayout.Encoding.class, encoding),
					separator, option(BankLayout.LineEnd.class, lineEnd), option(BankLayout.AmountUnit.class, amountUnit),
					option(BankLayout.SummaryPosition.class, summaryPosition), option(BankLayout.FileType.class, fileType),
					columns("summaryColumns", summaryColumns), columns("detailColumns", detailColumns),
					columns("returnSummaryColumns", returnSummaryColumns), columns("returnDetailColumns", returnDetailColumns),
					idTypes(idTypeCodes), false);
		}

		private static <E extends Enum<E>> E option(Class<E> type, String value) {
			try {
				return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		private static List<BankColumn> columns(String field, String text) {
			List<BankColumn> columns = new ArrayList<>();
			for (String token : (text == null ? "" : text).split("[,，\\s]+")) {
				if (token.isBlank()) {
					continue;
				}
				try {
					columns.add(BankColumn.valueOf(token.strip().toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException ex) {
					throw BangfuException.badField(field, "bank.layout.columns.unknown", token.strip());
				}
			}
			return columns;
		}

		private static Map<PaymentIdType, String> idTypes(String text) {
			Map<PaymentIdType, String> codes = new EnumMap<>(PaymentIdType.class);
			for (String pair : (text == null ? "" : text).split("[,，\\s]+")) {
				int eq = pair.indexOf('=');
				if (pair.isBlank()) {
					continue;
				}
				try {
					codes.put(PaymentIdType.valueOf(pair.substring(0, Math.max(0, eq)).strip()), pair.substring(eq + 1).strip());
				}
				catch (IllegalArgumentException | StringIndexOutOfBoundsException ex) {
					throw BangfuException.badField("idTypeCodes", "bank.layout.idTypes.invalid", pair.strip());
				}
			}
			return codes;
		}

		private static String text(List<BankColumn> columns) {
			return String.join(",", columns.stream().map(Enum::name).toList());
		}

		private static String codes(Map<PaymentIdType, String> codes) {
			return String.join(",", codes.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue()).toList());
		}

	}

	@GetMapping("/bank/layouts")
	@PreAuthorize(BankBatchPagesController.READ)
	String list(Model model) {
		Scope scope = Actor.require().scope();
		model.addAttribute("layouts", layouts.usable(scope));
		return "programs/bank-layouts";
	}

	@GetMapping("/bank/layouts/new")
	@PreAuthorize(BankBatchPagesController.WRITE)
	String create(Model model) {
		Actor actor = Actor.require();
		BankLayout builtIn = layouts.builtIn(actor.scope());
		LayoutForm form = LayoutForm.of(builtIn, actor.organisationId());
		return form(model, actor.scope(), new LayoutForm(actor.organisationId(), "", "", form.encoding(), form.separator(),
				form.lineEnd(), form.amountUnit(), form.summaryPosition(), form.fileType(), form.summaryColumns(),
				form.detailColumns(), form.returnSummaryColumns(), form.returnDetailColumns(), form.idTypeCodes()), null, true);
	}

	@GetMapping("/bank/layouts/{id}")
	@PreAuthorize(BankBatchPagesController.READ)
	String edit(@PathVariable long id, Model model) {
		Scope scope = Actor.require().scope();
		BankLayout layout = layouts.require(scope, id);
		model.addAttribute("preview", layouts.preview(layout));
		return form(model, scope, LayoutForm.of(layout, layout.organisationId()), layout, layouts.editable(scope, id));
	}

	@PostMapping("/bank/layouts")
	@PreAuthorize(BankBatchPagesController.WRITE)
	String save(@ModelAttribute("form") LayoutForm form, BindingResult errors, @RequestParam(required = false) Long id,
			@RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
		Scope scope = Actor.require().scope();
		BankLayout existing = id == null ? null : layouts.require(scope, id);
		try {
			BankLayout layout = form.toLayout();
			if ("preview".equals(action)) {
				model.addAttribute("preview", layouts.preview(layout));
				return form(model, scope, form, existing, true);
			}
			BankLayout saved = id == null ? layouts.create(scope, layout) : layouts.update(scope, id, layout);
			redirect.addFlashAttribute("message", messages.get("common.saved"));
			return "redirect:/bank/layouts/" + saved.id();
		}
		catch (BangfuException ex) {
			messages.reject(errors, ex);
			return form(model, scope, form, existing, true);
		}
	}

	@GetMapping("/bank/layouts/{id}/sample")
	@PreAuthorize(BankBatchPagesController.READ)
	ResponseEntity<byte[]> sample(@PathVariable long id) {
		BankLayoutPreview preview = layouts.preview(layouts.require(Actor.require().scope(), id));
		MediaType type = preview.fileName().endsWith(".xlsx")
				? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
				: MediaType.TEXT_PLAIN;
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(preview.fileName()).build().toString())
			.contentType(type)
			.body(preview.bytes());
	}

	private String form(Model model, Scope scope, LayoutForm form, BankLayout existing, boolean editable) {
		model.addAttribute("form", form);
		model.addAttribute("layout", existing);
		model.addAttribute("editable", editable && (existing == null || !existing.builtIn()));
		model.addAttribute("organisations", organisations.tree(scope));
		model.addAttribute("columns", BankColumn.values());
		model.addAttribute("encodings", BankLayout.Encoding.values());
		model.addAttribute("lineEnds", BankLayout.LineEnd.values());
		model.addAttribute("units", BankLayout.AmountUnit.values());
		model.addAttribute("positions", BankLayout.SummaryPosition.values());
		model.addAttribute("fileTypes", BankLayout.FileType.values());
		model.addAttribute("idTypes", PaymentIdType.values());
		return "programs/bank-layout";
	}

}
