package org.yuqing.casework.documents;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** Wires the documents feature and reads its defaults (fonts, unit names). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentsProperties.class)
@PropertySource(value = "classpath:documents/documents.properties", encoding = "UTF-8")
class DocumentsConfiguration {
}
