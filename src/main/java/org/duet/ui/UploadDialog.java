package org.duet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import org.duet.app.Limits;

/**
 * Uploads a .little file as a new document. A file over {@link Limits#MAX_DOCUMENT_BYTES} is refused with its size
 * in words: by the browser before it is sent, and again by the server (which never reads more than the limit) for
 * a request that did not come through the browser's check.
 */
final class UploadDialog {
    private UploadDialog() {}

    static final int MAX_BYTES = Limits.MAX_DOCUMENT_BYTES;

    static void open(BiConsumer<String, String> opened) {
        Dialog d = new Dialog();
        d.setId("upload-dialog");
        d.setHeaderTitle("Upload a program");
        UI ui = UI.getCurrent();
        Paragraph msg = new Paragraph(
                "Choose a .little file (at most " + Limits.size(MAX_BYTES) + "): it becomes a " + "new document.");
        msg.setId("upload-message");
        Upload upload = new Upload(new Limited(ui, msg, (name, text) -> {
            d.close();
            opened.accept(name, text);
        }));
        upload.setId("upload");
        upload.setAcceptedFileTypes(".little", "text/plain");
        upload.setMaxFileSize(MAX_BYTES);
        upload.setMaxFiles(1);
        // the browser's refusal, with the file's size (the component's own event only says "File is Too Big.")
        upload.getElement()
                .addEventListener("file-reject", e -> {
                    double size = e.getEventData().getNumber("event.detail.file.size");
                    String error = e.getEventData().getString("event.detail.error");
                    String name = e.getEventData().getString("event.detail.file.name");
                    if (size > MAX_BYTES) {
                        msg.setText(Limits.fileTooLarge((long) size));
                    } else if (error != null && error.toLowerCase().contains("type")) {
                        msg.setText("“" + name + "” is not a .little file: Duet opens programs in plain text.");
                    } else {
                        msg.setText(error == null ? "The file was refused." : error);
                    }
                })
                .addEventData("event.detail.file.size")
                .addEventData("event.detail.error")
                .addEventData("event.detail.file.name");
        d.add(msg, upload);
        d.getFooter().add(new Button("Close", e -> d.close()));
        d.open();
    }

    /** Reads at most the limit (plus one byte, to tell); a larger file is answered 413 and said so in the dialog. */
    static final class Limited implements UploadHandler {
        private final UI ui;
        private final Paragraph msg;
        private final BiConsumer<String, String> opened;
        private volatile boolean refused;

        Limited(UI ui, Paragraph msg, BiConsumer<String, String> opened) {
            this.ui = ui;
            this.msg = msg;
            this.opened = opened;
        }

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            refused = false;
            // the declared size of a streamed multipart file is the whole request's: only what is read counts
            long declared = event.getFileSize();
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) bytes = null;
            String name = event.getFileName();
            if (bytes == null) {
                refused = true;
                long size = declared > MAX_BYTES ? declared : event.getRequest().getContentLengthLong();
                String text = size > MAX_BYTES
                        ? Limits.fileTooLarge(size)
                        : "That file is larger than " + Limits.size(MAX_BYTES) + "; Duet opens files up to "
                                + Limits.size(MAX_BYTES) + ".";
                ui.access(() -> msg.setText(text));
                return;
            }
            byte[] content = bytes;
            ui.access(() -> {
                String text;
                try {
                    text = StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(content))
                            .toString();
                } catch (CharacterCodingException e) {
                    msg.setText("“" + name + "” is not a UTF-8 text file.");
                    return;
                }
                opened.accept(name, text);
            });
        }

        @Override
        public void responseHandled(boolean success, VaadinResponse response) {
            response.setStatus(!success ? 500 : refused ? 413 : 200);
        }

        /** Multipart requests: the whole request may hold one file of the limit and its headers. */
        @Override
        public long getRequestSizeMax() {
            return Limits.MAX_REQUEST_BYTES;
        }

        @Override
        public long getFileCountMax() {
            return 1;
        }
    }
}
