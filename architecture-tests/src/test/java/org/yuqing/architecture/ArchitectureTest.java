package org.yuqing.architecture;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Every rule of STYLE.md applied to the production classes of all modules, as they come from the module jars on the
 * test classpath; tests and this module's fixtures are left out.
 */
@AnalyzeClasses(packages = Layout.ROOT, importOptions = {DoNotIncludeTests.class, ExcludeArchitectureTests.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule business_modules_do_not_depend_on_each_other =
            ModuleBoundaryRules.businessModulesDoNotDependOnEachOther(Layout.ROOT);

    @ArchTest
    static final ArchRule main_code_does_not_use_the_platform =
            ModuleBoundaryRules.mainCodeDoesNotUseThePlatform(Layout.ROOT);

    @ArchTest
    static final ArchRule domain_imports_no_framework = DomainKernelRules.domainImportsNoFramework(Layout.ROOT);

    @ArchTest
    static final ArchRule domain_uses_only_the_jdk = DomainKernelRules.domainUsesOnlyTheJdk(Layout.ROOT);

    @ArchTest
    static final ArchRule only_monitoring_uses_elasticsearch =
            ElasticsearchRules.onlyMonitoringUsesElasticsearch(Layout.ROOT);

    @ArchTest
    static final ArchRule only_the_owning_module_touches_its_jooq_tables =
            JooqTableRules.onlyOwningModuleTouchesItsTables(Layout.ROOT);

    @ArchTest
    static final ArchRule only_ui_uses_vaadin = VaadinRules.onlyUiUsesVaadin(Layout.ROOT);

    @ArchTest
    static final ArchRule only_gateway_uses_spring_cloud_gateway =
            GatewayRules.onlyGatewayUsesSpringCloudGateway(Layout.ROOT);

    @ArchTest
    static final ArchRule feature_packages_are_free_of_cycles =
            FeaturePackageRules.featurePackagesAreFreeOfCycles(Layout.ROOT);

    @ArchTest
    static final ArchRule no_field_injection = InjectionRules.noFieldInjection(Layout.ROOT);

    @ArchTest
    static final ArchRule no_standard_streams = StandardStreamRules.noStandardStreams(Layout.ROOT);
}
