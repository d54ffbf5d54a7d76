package org.yuqing.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Keeps this module's own classes, and above all the fixtures that break the rules on purpose, out of the analysis
 * of the production code, whatever the build tool or IDE names its test output directory.
 */
public final class ExcludeArchitectureTests implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("/org/yuqing/architecture/");
    }
}
