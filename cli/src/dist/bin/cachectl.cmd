@echo off
rem cachectl launcher for Windows: runs the CLI on the module path of this distribution.
rem JAVA_HOME must point at a JDK 25 (or java on PATH must be one); CACHECTL_JAVA_OPTS adds JVM options.
setlocal
set "APP_HOME=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if defined CACHECTL_JAVA set "JAVA_EXE=%CACHECTL_JAVA%"
"%JAVA_EXE%" -XX:+UseSerialGC -Xss16m --enable-native-access=dev.cachectl.core %CACHECTL_JAVA_OPTS% -p "%APP_HOME%\lib" -m dev.cachectl.cli/dev.cachectl.cli.Main %*
exit /b %ERRORLEVEL%
