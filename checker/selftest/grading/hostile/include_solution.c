/* Attack: #include the reference solution (or the lesson's test suite) by a relative path, hoping
 * the compiler finds the repo around the file. The grader compiles the file alone, in an empty
 * folder of a sandbox that has only the lesson's headers: nothing is found, so it does not
 * compile. (Without the sandbox, this really finds the solution: `make test` checks that too.)
 * Lesson: 1
 * Expect: does not compile
 * Unsandboxed: gains
 */
#if __has_include("../solutions/lesson01/derivatives.c")
#include "../solutions/lesson01/derivatives.c"
#elif __has_include("../../solutions/lesson01/derivatives.c")
#include "../../solutions/lesson01/derivatives.c"
#elif __has_include("../../../solutions/lesson01/derivatives.c")
#include "../../../solutions/lesson01/derivatives.c"
#elif __has_include("../../../../solutions/lesson01/derivatives.c")
#include "../../../../solutions/lesson01/derivatives.c"
#elif __has_include("../../../../../solutions/lesson01/derivatives.c")
#include "../../../../../solutions/lesson01/derivatives.c"
#elif __has_include("../../../../../../solutions/lesson01/derivatives.c")
#include "../../../../../../solutions/lesson01/derivatives.c"
#elif __has_include("../../../../../../../solutions/lesson01/derivatives.c")
#include "../../../../../../../solutions/lesson01/derivatives.c"
#elif __has_include("../../../../../../../../solutions/lesson01/derivatives.c")
#include "../../../../../../../../solutions/lesson01/derivatives.c"
#elif __has_include("../../../../../../../../../solutions/lesson01/derivatives.c")
#include "../../../../../../../../../solutions/lesson01/derivatives.c"
#elif __has_include("../../../../../../../../../../solutions/lesson01/derivatives.c")
#include "../../../../../../../../../../solutions/lesson01/derivatives.c"
#elif __has_include("../../../../../../../../../../../solutions/lesson01/derivatives.c")
#include "../../../../../../../../../../../solutions/lesson01/derivatives.c"
#elif __has_include("../../../../../../../../../../../../solutions/lesson01/derivatives.c")
#include "../../../../../../../../../../../../solutions/lesson01/derivatives.c"
#elif __has_include("test_derivatives.c")
#include "test_derivatives.c"
#else
#error "no solution within reach"
#endif
