package io.groupdeal.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The product's compiled classes of every module (no tests), imported once for all the architecture tests: an import
 * reads every class file and takes seconds.
 */
final class ProductClasses {

    static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.groupdeal");

    private ProductClasses() {}
}
