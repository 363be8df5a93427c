package org.bangfu.pairing.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.pairing.PairingImportView;
import org.bangfu.pairing.PairingImports;
import org.bangfu.pairing.internal.ImportColumn;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk pairing import: the upload form (with the columns explained and a blank template), then
 * the import's result with its counts, first problems and the error report to download. Imports
 * run while the request waits (files are limited to a few thousand rows).
 */
@Controller
class PairingImportController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final PairingImports imports;

	private final PageMessages messages;

	PairingImportController(PairingImports imports, PageMessages messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping("/pairing/import")
	@PreAuthorize(PairingPagesController.PAIR)
	String form(Model model) {
		form(model, Actor.require());
		return "pairing/import";
	}

	@PostMapping("/pairing/import")
	@PreAuthorize(PairingPagesController.PAIR)
	String upload(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		Actor actor = Actor.require();
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", messages.get("imports.file.empty"));
			form(model, actor);
			return "pairing/import";
		}
		try (InputStream in = file.getInputStream()) {
			PairingImportView done = imports.importFile(actor, file.getOriginalFilename(), in,
					LocaleContextHolder.getLocale());
			redirect.addFlashAttribute("message",
					messages.get("pairing.import.done", done.rowsPaired(), done.rowsRejected()));
			return "redirect:/pairing/imports/" + done.id();
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN || ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			model.addAttribute("fileError", messages.of(ex));
			form(model, actor);
			return "pairing/import";
		}
	}

	@GetMapping("/pairing/imports/{id}")
	@PreAuthorize(PairingPagesController.PAIR)
	String result(@PathVariable long id, Model model) {
		Actor actor = Actor.require();
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("imp", imports.require(actor.scope(), id));
		model.addAttribute("problems", imports.problems(actor.scope(), id)
			.stream()
			.map(p -> new ProblemLine(p.row(), p.column(), imports.message(p, locale)))
			.toList());
		return "pairing/import-result";
	}

	/** A problem as the result page lists it. */
	record ProblemLine(long row, String column, String message) {
	}

	@GetMapping("/pairing/imports/{id}/report")
	@PreAuthorize(PairingPagesController.PAIR)
	ResponseEntity<InputStreamResource> report(@PathVariable long id) throws IOException {
		InputStream in = imports.report(Actor.require().scope(), id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("pairing-import-" + id + "-errors.xlsx").build().toString())
			.contentType(MediaType.parseMediaType(XLSX))
			.body(new InputStreamResource(in));
	}

	/** A blank file with the template's headers (Chinese, as the import reads them). */
	@GetMapping("/pairing/import/template")
	@PreAuthorize(PairingPagesController.PAIR)
	ResponseEntity<byte[]> template() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(messages.get("pairing.import.template.sheet"));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			Row header = sheet.createRow(0);
			int i = 0;
			for (ImportColumn c : ImportColumn.values()) {
				header.createCell(i).setCellValue(c.header());
				header.getCell(i).setCellStyle(bold);
				sheet.setDefaultColumnStyle(i, text);
				sheet.setColumnWidth(i, 16 * 256);
				i++;
			}
			workbook.write(out);
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("pairing-import-template.xlsx").build().toString())
				.contentType(MediaType.parseMediaType(XLSX))
				.body(out.toByteArray());
		}
	}

	private void form(Model model, Actor actor) {
		model.addAttribute("recent", imports.recent(actor.scope(), 10));
		model.addAttribute("maxRows", imports.maxRows());
		model.addAttribute("columns", ImportColumn.values());
	}

}
