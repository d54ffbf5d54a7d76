package org.yuqing.casework.documents;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.casework.cases.CaseTimeline;
import org.yuqing.security.AuditTrail;
import org.yuqing.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Generates a case's documents for a caller: the case must be in the caller's unit scope (else 404, like an
 * unknown id), its record is read in one read-only transaction, composed, typeset and audited as an
 * {@link AuditTrail#EXPORT}.
 */
@Service
class CaseDocuments {

    private final CaseTimeline cases;
    private final DossierRepository dossiers;
    private final CjkFonts fonts;
    private final DocumentsProperties properties;
    private final Clock clock;
    private final AuditTrail audit;
    private final TransactionTemplate readOnly;

    CaseDocuments(CaseTimeline cases, DossierRepository dossiers, CjkFonts fonts, DocumentsProperties properties,
                  Clock clock, AuditTrail audit, TransactionTemplate transactions) {
        this.cases = cases;
        this.dossiers = dossiers;
        this.fonts = fonts;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    /**
     * One document of a case.
     *
     * @throws org.yuqing.security.OutOfScopeException when the case belongs to a unit outside the caller's scope (404)
     * @throws org.springframework.web.ErrorResponseException 404 when there is no such case; 503 without CJK fonts
     */
    Rendered generate(UUID caseId, DocumentKind kind, DocumentFormat format, Caller caller) {
        CaseDossier dossier = readOnly.execute(status -> {
            cases.visible(caseId, caller);
            return dossiers.find(caseId).orElseThrow(() -> new IllegalStateException("case " + caseId + " vanished"));
        });
        CjkFonts.Fonts faces = fonts.get();
        Instant now = clock.instant();
        String compiledBy = caller.name() == null || caller.name().isBlank() ? caller.login() : caller.name();
        DocumentContent content = DocumentComposer.compose(kind, dossier, properties.unitName(dossier.unitId()), now,
                compiledBy, curve -> HeatChart.png(curve, faces.sans().awt()));
        byte[] bytes = switch (format) {
            case PDF -> new PdfRenderer(faces).render(content);
            case DOCX -> new DocxRenderer(faces).render(content);
        };
        String fileName = kind.title() + "-" + DocumentComposer.caseNumber(dossier) + "." + format.extension();
        audit.done(AuditTrail.EXPORT, "case " + caseId, kind.path() + "." + format.extension() + " (" + kind.title()
                + ", " + bytes.length + " bytes)");
        return new Rendered(bytes, fileName, format);
    }

    /**
     * Checks that the caller may see the case.
     *
     * @throws org.yuqing.security.OutOfScopeException when the case belongs to a unit outside the caller's scope (404)
     * @throws org.springframework.web.ErrorResponseException 404 when there is no such case
     */
    void requireVisible(UUID caseId, Caller caller) {
        cases.visible(caseId, caller);
    }

    /**
     * A generated document.
     *
     * @param fileName the name offered for saving it, e.g. 舆情专报-YQ-20261121-1A2B3C4D.pdf
     */
    record Rendered(byte[] bytes, String fileName, DocumentFormat format) {
    }
}
