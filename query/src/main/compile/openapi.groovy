import io.javalin.openapi.experimental.AnnotationProcessorContext
import io.javalin.openapi.experimental.ClassDefinition
import io.javalin.openapi.experimental.EmbeddedTypeProcessor
import io.javalin.openapi.experimental.EmbeddedTypeProcessorContext
import io.javalin.openapi.experimental.ExperimentalCompileOpenApiConfiguration
import io.javalin.openapi.experimental.OpenApiAnnotationProcessorConfiguration
import io.javalin.openapi.experimental.OpenApiAnnotationProcessorConfigurer
import io.javalin.openapi.experimental.PropertyInSchemeFilter

import javax.lang.model.element.Element
import javax.lang.model.element.ExecutableElement
import javax.lang.model.element.TypeElement

/**
 * How the API writes its types to JSON, for the javalin-openapi annotation processor, which finds this file by its
 * place next to src/main/java and generates the response schemas of the OpenAPI description from the Java types. It
 * follows the rules JsonMapping gives Jackson.
 */
@ExperimentalCompileOpenApiConfiguration
class OpenApiConfiguration implements OpenApiAnnotationProcessorConfigurer {

    private static final String AVRO_RECORD = 'org.apache.avro.specific.SpecificRecordBase'
    /** The Avro records JsonMapping writes in a form of its own, and the type that form has. */
    private static final Map<String, String> WRITTEN_AS = [
            'eu.partnershiptracker.model.PartialDate': 'eu.partnershiptracker.query.http.JsonMapping.WrittenPartialDate',
            'eu.partnershiptracker.model.DateBounds' : 'eu.partnershiptracker.query.http.JsonMapping.WrittenDateBounds']

    @Override
    void configure(OpenApiAnnotationProcessorConfiguration configuration) {
        // Jackson's properties: an accessor takes no arguments (StepView.withKey is none), and the members of Avro's
        // own base class are its machinery, not data (JsonMapping.AvroRecordMixIn).
        configuration.propertyInSchemeFilter = { AnnotationProcessorContext context, ClassDefinition type,
                                                 Element property ->
            if (property instanceof ExecutableElement && !property.parameters.isEmpty()) {
                return false
            }
            TypeElement avroRecord = context.forTypeElement(AVRO_RECORD)
            return !(context.isAssignable(type.mirror, avroRecord.asType()) && context.hasElement(avroRecord, property))
        } as PropertyInSchemeFilter

        // JsonMapping writes every PartialDate as a WrittenPartialDate and every DateBounds as a WrittenDateBounds, in a
        // list or not.
        configuration.insertEmbeddedTypeProcessor({ EmbeddedTypeProcessorContext context ->
            String writtenAs = WRITTEN_AS[context.type.fullName]
            if (writtenAs == null) {
                return false
            }
            AnnotationProcessorContext processor = context.parentContext
            ClassDefinition written = processor.getClassDefinition(
                    processor.forTypeElement(writtenAs).asType(), [], context.type.structureType)
            def description = processor.typeSchemaGenerator.createEmbeddedTypeDescription(
                    written, context.inlineRefs, context.requiresNonNulls, null, [:])
            description.json.entrySet().each { context.scheme.add(it.key, it.value) }
            context.references.addAll(description.references)
            return true
        } as EmbeddedTypeProcessor)
    }
}
