package org.duet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/** Uploads a .little file as a new document. */
final class UploadDialog {
    private UploadDialog() {}

    static final int MAX_BYTES = 2 * 1024 * 1024;

    static void open(BiConsumer<String, String> opened) {
        Dialog d = new Dialog();
        d.setId("upload-dialog");
        d.setHeaderTitle("Upload a program");
        UI ui = UI.getCurrent();
        Paragraph msg = new Paragraph("Choose a .little file: it becomes a new document.");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> ui.access(() -> {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                msg.setText("“" + meta.fileName() + "” is not a UTF-8 text file.");
                return;
            }
            d.close();
            opened.accept(meta.fileName(), text);
        })));
        upload.setId("upload");
        upload.setAcceptedFileTypes(".little", "text/plain");
        upload.setMaxFileSize(MAX_BYTES);
        upload.setMaxFiles(1);
        upload.addFileRejectedListener(e -> msg.setText(e.getErrorMessage()));
        d.add(msg, upload);
        d.getFooter().add(new Button("Close", e -> d.close()));
        d.open();
    }
}
