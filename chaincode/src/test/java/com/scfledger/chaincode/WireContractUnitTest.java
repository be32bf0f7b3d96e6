package com.scfledger.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.scfledger.chaincode.health.HealthContract;
import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.TransactionArguments;
import com.scfledger.contract.TransactionNames;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The contract module and the chaincode agree on every transaction: its name, whether it is submitted or
 * evaluated, and its arguments' names and order, as the arguments record of the same name declares them.
 */
class WireContractUnitTest {

    private static final Map<String, Method> TRANSACTION_METHODS = transactionMethods();
    private static final Map<String, Class<?>> ARGUMENT_RECORDS = new ClassFileImporter()
            .importPackages("com.scfledger.contract").stream()
            .filter(c -> c.isAssignableTo(TransactionArguments.class) && c.isRecord())
            .map(JavaClass::reflect)
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    @ParameterizedTest
    @EnumSource(Transaction.class)
    void everyTransactionOfTheContractIsImplementedUnderItsWireName(final Transaction transaction) {
        Method method = TRANSACTION_METHODS.get(transaction.wireName());

        assertThat(method).as(transaction.wireName()).isNotNull();
        org.hyperledger.fabric.contract.annotation.Transaction.TYPE intent =
                method.getAnnotation(org.hyperledger.fabric.contract.annotation.Transaction.class).intent();
        assertThat(intent.name()).isEqualTo(transaction.kind().name());
    }

    @Test
    void everyImplementedTransactionIsInTheContract() {
        assertThat(TRANSACTION_METHODS.keySet()).allSatisfy(name ->
                assertThat(Transaction.byWireName(name)).as(name).isPresent());
    }

    @ParameterizedTest
    @EnumSource(Transaction.class)
    void argumentsRecordsDeclareTheParametersInWireOrder(final Transaction transaction) {
        Class<?> record = ARGUMENT_RECORDS.get(transaction.wireName());
        if (!transaction.takesRequestId() && transaction.submit()) {
            assertThat(record).as("the bench and the health probe have no arguments record").isNull();
            return;
        }
        if (transaction.wireName().startsWith(TransactionNames.HEALTH_CONTRACT + ":")) {
            return;
        }
        assertThat(record).as("arguments record " + transaction.wireName()).isNotNull();
        assertThat(Submission.class.isAssignableFrom(record)).isEqualTo(transaction.takesRequestId());

        List<String> expected = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(ArrayList::new));
        if (transaction.takesRequestId()) {
            expected.add("requestId");
        }
        assertThat(wireParameters(TRANSACTION_METHODS.get(transaction.wireName()))).isEqualTo(expected);
    }

    private static List<String> wireParameters(final Method method) {
        return Arrays.stream(method.getParameters()).filter(p -> p.getType() != Context.class)
                .map(Parameter::getName).toList();
    }

    private static Map<String, Method> transactionMethods() {
        Map<String, Method> methods = new TreeMap<>();
        for (Class<?> contract : List.of(ScfContract.class, HealthContract.class)) {
            String namespace = contract == ScfContract.class ? "" : contract.getAnnotation(Contract.class).name() + ":";
            for (Method method : contract.getMethods()) {
                var annotation = method.getAnnotation(org.hyperledger.fabric.contract.annotation.Transaction.class);
                if (annotation != null) {
                    methods.put(namespace + annotation.name(), method);
                }
            }
        }
        return methods;
    }
}
