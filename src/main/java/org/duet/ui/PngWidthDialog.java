package org.duet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;
import org.duet.lang.DuetException;
import org.duet.svg.PngExport;
import org.duet.svg.Renderer;

/** Export as PNG at a width the user chooses (height in proportion). */
final class PngWidthDialog {
    private PngWidthDialog() {}

    static void open(Supplier<Renderer.Result> drawing, Supplier<String> name) {
        Dialog d = new Dialog();
        d.setId("png-dialog");
        d.setHeaderTitle("Export PNG");
        IntegerField width = new IntegerField("Width in pixels");
        width.setId("png-width");
        width.setMin(1);
        width.setMax(8000);
        width.setValue(1200);
        width.setStepButtonsVisible(true);
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(e -> {
                    // the width as the field shows it when the link is clicked (sent with the request: the field's own
                    // value
                    // reaches the server only on its change event, which can come after the download's request)
                    Integer w = parseWidth(e.getRequest().getParameter("width"));
                    if (w == null) w = width.getValue();
                    if (w == null || w < 1 || w > 8000)
                        return DownloadResponse.error(422, "Choose a width from 1 to 8000 pixels.");
                    Renderer.Result r = drawing.get();
                    if (r == null)
                        return DownloadResponse.error(422, "The program has an error; fix it to export the drawing.");
                    try {
                        byte[] png = PngExport.pngWidth(r.canvas, w);
                        String base =
                                name.get() == null ? "drawing" : name.get().replaceAll("[^\\p{L}\\p{N}._-]+", "-");
                        return new DownloadResponse(
                                new ByteArrayInputStream(png), base + "-" + w + "px.png", "image/png", png.length);
                    } catch (DuetException ex) {
                        return DownloadResponse.error(422, ex.bareMessage());
                    }
                }),
                "Download PNG");
        download.setDownload(true);
        download.setId("png-download");
        download.addClassName("duet-download-button");
        width.addValueChangeListener(e -> {
            Integer w = e.getValue();
            boolean ok = w != null && w >= 1 && w <= 8000;
            width.setInvalid(!ok);
            width.setErrorMessage(ok ? null : "From 1 to 8000 pixels");
            download.setEnabled(ok);
        });
        download.getElement()
                .executeJs("this.addEventListener('click', () => {"
                        + " const f = document.getElementById('png-width'); const input = f && f.inputElement;"
                        + " if (!input || !this.href) return;"
                        + " const u = new URL(this.href, document.baseURI); u.searchParams.set('width', input.value);"
                        + " this.href = u.toString(); })");
        d.add(width);
        d.getFooter().add(new Button("Close", e -> d.close()), download);
        d.open();
    }

    private static Integer parseWidth(String s) {
        if (s == null || !s.strip().matches("\\d{1,6}")) return null;
        return Integer.valueOf(s.strip());
    }
}
