package com.scfledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema's migrations form one linear history (docs/operations.md, "Database migrations"): versions 1, 2, 3, …
 * with no gap, so that a migration written later always sorts after every applied one and Flyway never needs
 * out-of-order.
 */
class MigrationHistoryUnitTest {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    @Test
    void versionsCountUpFromOneWithoutGaps() throws IOException {
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*");
        List<String> names = Arrays.stream(scripts).map(Resource::getFilename).toList();
        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).matches(NAME));

        List<Integer> versions = names.stream().map(MigrationHistoryUnitTest::version).sorted().toList();
        assertThat(versions).isEqualTo(IntStream.rangeClosed(1, versions.size()).boxed().toList());
    }

    @Test
    void flywayIsNotToldToApplyMigrationsOutOfOrder() throws IOException {
        String settings = new ClassPathResource("application.yml").getContentAsString(StandardCharsets.UTF_8);
        assertThat(settings).doesNotContain("out-of-order").doesNotContain("outOfOrder");
    }

    private static int version(String name) {
        Matcher m = NAME.matcher(name);
        assertThat(m.matches()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
