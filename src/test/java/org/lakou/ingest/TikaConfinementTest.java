package org.lakou.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Tika (and the PDF and Office libraries under it) runs only in the parse workers' child JVMs:
 * no other module touches it, and inside ingest only the worker package does, so a runaway parser
 * can never run in the server process. The one exception is writing, not reading: the
 * circulation module draws barcode label sheets with PDFBox from its own data (no untrusted input
 * is parsed there).
 */
class TikaConfinementTest {

    private static final String[] PARSER_PACKAGES = {"org.apache.tika..", "org.apache.pdfbox..", "org.apache.poi.."};

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.lakou");

    @Test
    void noOtherModuleUsesTika() {
        noClasses().that().resideOutsideOfPackage("org.lakou.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.tika..", "org.apache.poi..").check(main);
        noClasses().that().resideOutsideOfPackage("org.lakou.ingest..")
                .and().doNotHaveFullyQualifiedName("org.lakou.circulation.internal.LabelSheet")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..").check(main);
    }

    @Test
    void onlyTheWorkerPackageUsesTika() {
        noClasses().that().resideInAPackage("org.lakou.ingest..")
                .and().resideOutsideOfPackage("org.lakou.ingest.internal.worker..")
                .should().dependOnClassesThat().resideInAnyPackage(PARSER_PACKAGES).check(main);
    }
}
