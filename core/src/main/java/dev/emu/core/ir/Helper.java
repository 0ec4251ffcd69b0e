package dev.emu.core.ir;

import dev.emu.core.cpu.CpuState;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * A static Java method the IR may call for what IR should not spell out (FP corner cases,
 * SIMD, crypto, hooks). Parameters: optionally a leading {@link CpuState}, then up to eight
 * {@code int} or {@code long} values; the return type is {@code void}, {@code int} or
 * {@code long}.
 *
 * <p>A helper that takes the {@link CpuState} touches guest state: generated code writes
 * every cached register back before the call and reloads them after it. A helper without it
 * is pure and must not have side effects on guest state. A helper that throws
 * {@link dev.emu.core.mem.GuestFault} must do so before it changes any register: the compiled
 * tier restores the block's cached registers on a fault, so later changes would be lost on one
 * tier and kept on the other.
 */
public final class Helper {
    private final Method method;
    private final boolean touchesState;
    private final Type[] paramTypes;
    private final Type returnType; // null for void
    /**
     * (CpuState, long[]) -> long, for the interpreter; built on its first call. Lift classes
     * make their helpers in static initialisers, and building every adapter chain up front spun
     * ~100 LambdaForm classes at start-up for helpers a run may never interpret. Threads that
     * race build equal handles; a MethodHandle is immutable, so a plain field is enough.
     */
    private MethodHandle invoker;

    private Helper(Method method) {
        this.method = method;
        if (!Modifier.isStatic(method.getModifiers()) || !Modifier.isPublic(method.getModifiers())) {
            throw new IllegalArgumentException("helper " + method + " must be public static");
        }
        if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            // what publicLookup needs when the interpreter first calls it: say so now
            throw new IllegalArgumentException("helper " + method + " is not accessible: its class is not public");
        }
        Class<?>[] p = method.getParameterTypes();
        touchesState = p.length > 0 && p[0] == CpuState.class;
        int first = touchesState ? 1 : 0;
        paramTypes = new Type[p.length - first];
        for (int i = first; i < p.length; i++) {
            paramTypes[i - first] = typeOf(p[i], method);
        }
        if (paramTypes.length > 8) {
            throw new IllegalArgumentException("helper " + method + " takes more than 8 values");
        }
        Class<?> r = method.getReturnType();
        returnType = r == void.class ? null : typeOf(r, method);
    }

    private static Type typeOf(Class<?> c, Method m) {
        if (c == int.class) {
            return Type.I32;
        }
        if (c == long.class) {
            return Type.I64;
        }
        throw new IllegalArgumentException("helper " + m + ": unsupported type " + c);
    }

    /** The public static method {@code name} of {@code owner}; it must be the only one of that name. */
    public static Helper of(Class<?> owner, String name) {
        Method found = null;
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())) {
                if (found != null) {
                    throw new IllegalArgumentException("helper " + owner.getName() + "." + name + " is overloaded");
                }
                found = m;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no public static " + owner.getName() + "." + name);
        }
        return new Helper(found);
    }

    private MethodHandle buildInvoker() {
        try {
            MethodHandle mh = MethodHandles.publicLookup().unreflect(method);
            if (!touchesState) {
                mh = MethodHandles.dropArguments(mh, 0, CpuState.class);
            }
            // every value parameter as long
            Class<?>[] longs = new Class<?>[paramTypes.length + 1];
            longs[0] = CpuState.class;
            Arrays.fill(longs, 1, longs.length, long.class);
            Class<?> ret = returnType == null ? void.class : returnType == Type.I32 ? int.class : long.class;
            mh = MethodHandles.explicitCastArguments(mh, MethodType.methodType(ret, longs));
            if (returnType == null) {
                mh = MethodHandles.filterReturnValue(mh, MethodHandles.constant(long.class, 0L));
            } else if (returnType == Type.I32) {
                mh = MethodHandles.explicitCastArguments(mh, MethodType.methodType(long.class, longs));
            }
            return mh.asSpreader(long[].class, paramTypes.length);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("helper " + method + " is not accessible", e);
        }
    }

    /** Calls the helper from the interpreter; int results come back sign-extended. */
    public long invoke(CpuState state, long[] args) {
        MethodHandle mh = invoker;
        if (mh == null) {
            mh = buildInvoker();
            invoker = mh;
        }
        try {
            return (long) mh.invokeExact(state, args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("helper " + method.getName() + " failed", t);
        }
    }

    public Method method() {
        return method;
    }

    public boolean touchesState() {
        return touchesState;
    }

    public Type[] paramTypes() {
        return paramTypes.clone();
    }

    public int arity() {
        return paramTypes.length;
    }

    public Type paramType(int i) {
        return paramTypes[i];
    }

    /** The result type, or null for a void helper. */
    public Type returnType() {
        return returnType;
    }

    @Override
    public String toString() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Helper h && h.method.equals(method);
    }

    @Override
    public int hashCode() {
        return method.hashCode();
    }
}
