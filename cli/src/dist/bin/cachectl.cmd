@echo off
rem cachectl launcher for Windows: runs the CLI on the distribution's own runtime image.
rem CACHECTL_JAVA chooses another JDK 25 (its java.exe, run on the jars in lib); CACHECTL_JAVA_OPTS adds JVM options.
setlocal
set "APP_HOME=%~dp0.."
if defined CACHECTL_JAVA goto otherjdk
set "AOT="
if exist "%APP_HOME%\lib\cachectl.aot" set "AOT=-XX:AOTCache=%APP_HOME%\lib\cachectl.aot -Xlog:aot=off -Xlog:cds=off"
"%APP_HOME%\runtime\bin\java.exe" -XX:+UseSerialGC -Xss16m %AOT% --enable-native-access=dev.cachectl.core %CACHECTL_JAVA_OPTS% -m dev.cachectl.cli/dev.cachectl.cli.Main %*
exit /b %ERRORLEVEL%

:otherjdk
"%CACHECTL_JAVA%" -XX:+UseSerialGC -Xss16m --enable-native-access=dev.cachectl.core %CACHECTL_JAVA_OPTS% -p "%APP_HOME%\lib" -m dev.cachectl.cli/dev.cachectl.cli.Main %*
exit /b %ERRORLEVEL%
